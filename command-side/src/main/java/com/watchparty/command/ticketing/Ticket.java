package com.watchparty.command.ticketing;

import com.watchparty.api.AcceptedTimes;
import com.watchparty.api.error.RejectedException;
import com.watchparty.api.ticketing.CreateTicketCommand;
import com.watchparty.api.ticketing.CreateVoucherCommand;
import com.watchparty.api.ticketing.RedeemVoucherCommand;
import com.watchparty.api.ticketing.ReleaseVoucherCommand;
import com.watchparty.api.ticketing.TicketCreatedEvent;
import com.watchparty.api.ticketing.VoucherCreatedEvent;
import com.watchparty.api.ticketing.VoucherRedeemedEvent;
import com.watchparty.api.ticketing.VoucherReleasedEvent;
import com.watchparty.api.ticketing.VoucherView;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.watchparty.api.error.ErrorCode.VALIDATION_FAILED;
import static com.watchparty.api.error.ErrorCode.VOUCHER_CODE_TAKEN;
import static com.watchparty.api.error.ErrorCode.VOUCHER_EXPIRED;
import static com.watchparty.api.error.ErrorCode.VOUCHER_INVALID;
import static com.watchparty.api.error.ErrorCode.VOUCHER_USED_UP;
import static com.watchparty.command.PlainText.MULTI_LINE;
import static com.watchparty.command.PlainText.ONE_LINE;
import static com.watchparty.command.Rules.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A kind of ticket (the seed's Ticket): standard, VIP, a voucher... A voucher type has its codes, each redeemable
 * {@code max_usages} times: every use is counted here, one at a time, so no code is ever used more often, however
 * many redeem it at once.
 */
@Aggregate(cache = "ticketCache", filterEventsByType = true)
public class Ticket {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_DESCRIPTION_LENGTH = 2000;
    /** A seat at a screening, in any currency; the projection's {@code numeric(12, 2)} holds far more. */
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000.00");
    /** What the projection's {@code numeric(12, 2)} keeps: a third decimal would be rounded away there. */
    static final int MAX_PRICE_DECIMALS = 2;

    static final String VOUCHER_CODE_SHAPE = "[A-Za-z0-9_-]{3,64}";
    static final int MAX_VOUCHER_USAGES = 1_000_000;

    @AggregateIdentifier
    private UUID ticketId;
    private boolean voucher;
    private final Map<String, Voucher> vouchersByCode = new HashMap<>();

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

    @CommandHandler
    public VoucherView handle(CreateVoucherCommand command, Clock clock) {
        require(voucher, VALIDATION_FAILED, "only a voucher ticket type has voucher codes");
        require(command.code() != null && command.code().matches(VOUCHER_CODE_SHAPE), VALIDATION_FAILED,
                "code has 3 to 64 letters, digits, '-' or '_'", "code");
        require(!vouchersByCode.containsKey(command.code()), VOUCHER_CODE_TAKEN,
                "this ticket type has a voucher " + command.code() + " already", "code");
        require(command.maxUsages() >= 1 && command.maxUsages() <= MAX_VOUCHER_USAGES, VALIDATION_FAILED,
                "max_usages must be between 1 and " + MAX_VOUCHER_USAGES, "max_usages");
        require(command.validUntil() != null, VALIDATION_FAILED, "valid_until is required", "valid_until");
        AcceptedTimes.require(command.validUntil(), VALIDATION_FAILED, "valid_until");
        require(command.validUntil().isAfter(clock.instant()), VALIDATION_FAILED, "valid_until must be in the future",
                "valid_until");
        var event = new VoucherCreatedEvent(ticketId, command.code(), command.maxUsages(), command.validUntil(),
                command.partyId());
        apply(event);
        return VoucherView.of(event);
    }

    /**
     * Counts a use of a code, or, for a voucher type without codes (redeemed as such), nothing.
     *
     * @return whether a use was counted: not when there is no code, nor for a retry by the same user for the same party
     */
    @CommandHandler
    public boolean handle(RedeemVoucherCommand command, Clock clock) {
        require(voucher, VOUCHER_INVALID, "a voucher code is redeemed with a voucher ticket type", "voucher_code");
        if (command.code() == null) {
            require(vouchersByCode.isEmpty(), VOUCHER_INVALID, "this ticket type is redeemed with a voucher code",
                    "voucher_code");
            return false;
        }
        Voucher code = vouchersByCode.get(command.code());
        require(code != null && (code.partyId() == null || code.partyId().equals(command.partyId())),
                VOUCHER_INVALID, "no such voucher code for this ticket type and party", "voucher_code");
        if (code.redeemers().contains(new Redeemer(command.partyId(), command.userId()))) {
            return false;
        }
        require(clock.instant().isBefore(code.validUntil()), VOUCHER_EXPIRED, "this voucher code has expired",
                "voucher_code");
        require(code.redeemers().size() < code.maxUsages(), VOUCHER_USED_UP, "this voucher code is used up",
                "voucher_code");
        apply(new VoucherRedeemedEvent(ticketId, command.code(), command.partyId(), command.userId()));
        return true;
    }

    @CommandHandler
    public void handle(ReleaseVoucherCommand command) {
        Voucher code = vouchersByCode.get(command.code());
        if (code != null && code.redeemers().contains(new Redeemer(command.partyId(), command.userId()))) {
            apply(new VoucherReleasedEvent(ticketId, command.code(), command.partyId(), command.userId()));
        }
    }

    @EventSourcingHandler
    void on(TicketCreatedEvent event) {
        ticketId = event.ticketId();
        voucher = event.voucher();
    }

    @EventSourcingHandler
    void on(VoucherCreatedEvent event) {
        vouchersByCode.put(event.code(), new Voucher(event.maxUsages(), event.validUntil(), event.partyId(),
                new HashSet<>()));
    }

    @EventSourcingHandler
    void on(VoucherRedeemedEvent event) {
        vouchersByCode.get(event.code()).redeemers().add(new Redeemer(event.partyId(), event.userId()));
    }

    @EventSourcingHandler
    void on(VoucherReleasedEvent event) {
        vouchersByCode.get(event.code()).redeemers().remove(new Redeemer(event.partyId(), event.userId()));
    }

    /** A code, and who has redeemed it for which party: one use each. */
    private record Voucher(int maxUsages, Instant validUntil, UUID partyId, Set<Redeemer> redeemers) {
    }

    private record Redeemer(UUID partyId, UUID userId) {
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
