package com.watchparty.command.ticketing;

import com.watchparty.api.error.RejectedException;
import com.watchparty.api.ticketing.CreateTicketCommand;
import com.watchparty.api.ticketing.TicketCreatedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;

import static com.watchparty.api.error.ErrorCode.VALIDATION_FAILED;
import static com.watchparty.command.PlainText.MULTI_LINE;
import static com.watchparty.command.PlainText.ONE_LINE;
import static com.watchparty.command.Rules.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A kind of ticket (the seed's Ticket): standard, VIP, a voucher... */
@Aggregate(filterEventsByType = true)
public class Ticket {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_DESCRIPTION_LENGTH = 2000;
    /** A seat at a screening, in any currency; the projection's {@code numeric(12, 2)} holds far more. */
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000.00");
    /** What the projection's {@code numeric(12, 2)} keeps: a third decimal would be rounded away there. */
    static final int MAX_PRICE_DECIMALS = 2;

    @AggregateIdentifier
    private UUID ticketId;

    protected Ticket() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public Ticket(CreateTicketCommand command) {
        require(command.name() != null && !command.name().isBlank() && command.name().length() <= MAX_NAME_LENGTH,
                VALIDATION_FAILED, "name must have 1 to " + MAX_NAME_LENGTH + " characters", "name");
        ONE_LINE.require(command.name().strip(), "name");
        require(command.price() != null && command.price().signum() >= 0, VALIDATION_FAILED,
                "price must be 0 or more", "price");
        // compared before any arithmetic: scaling a price like 1e99999999 would compute a number of that many digits
        require(command.price().compareTo(MAX_PRICE) <= 0, VALIDATION_FAILED,
                "price must be at most " + MAX_PRICE.toPlainString(), "price");
        Currency currency = currencyOf(command.currency());
        int decimals = command.price().stripTrailingZeros().scale();
        require(decimals <= currency.getDefaultFractionDigits(), VALIDATION_FAILED,
                "price has more decimals than " + currency.getCurrencyCode() + " allows", "price");
        require(decimals <= MAX_PRICE_DECIMALS, VALIDATION_FAILED,
                "price has at most " + MAX_PRICE_DECIMALS + " decimals", "price");
        require(command.description() == null || command.description().length() <= MAX_DESCRIPTION_LENGTH,
                VALIDATION_FAILED, "description has at most " + MAX_DESCRIPTION_LENGTH + " characters", "description");
        MULTI_LINE.require(command.description(), "description");
        BigDecimal price = command.price().setScale(currency.getDefaultFractionDigits());
        apply(new TicketCreatedEvent(command.ticketId(), command.name().strip(), price, currency.getCurrencyCode(),
                command.description(), command.voucher()));
    }

    @EventSourcingHandler
    void on(TicketCreatedEvent event) {
        ticketId = event.ticketId();
    }

    private static Currency currencyOf(String code) {
        require(code != null && code.matches("[A-Z]{3}"), VALIDATION_FAILED,
                "currency must be an ISO 4217 code such as EUR", "currency");
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new RejectedException(VALIDATION_FAILED, "unknown currency " + code, "currency");
        }
        // metals and test codes (XAU, XXX...) have no minor unit and are no money to sell tickets in
        require(currency.getDefaultFractionDigits() >= 0, VALIDATION_FAILED, code + " is not a currency for prices",
                "currency");
        return currency;
    }
}
