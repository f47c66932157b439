package com.watchparty.command.ticketing;

import com.watchparty.api.ticketing.CreateTicketCommand;
import com.watchparty.api.ticketing.TicketCreatedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.UUID;

import static com.watchparty.api.error.ErrorCode.VALIDATION_FAILED;
import static com.watchparty.command.RejectionMatchers.rejectedWith;

class TicketTest {

    private static final UUID TICKET = UUID.nameUUIDFromBytes("ticket".getBytes());

    private FixtureConfiguration<Ticket> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
    }

    @Test
    void createsATicketPricedAtTheCurrencysScale() {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Standard", new BigDecimal("5"), "EUR", "A seat", false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TicketCreatedEvent(TICKET, "Standard", new BigDecimal("5.00"), "EUR", "A seat",
                        false));
    }

    @ParameterizedTest(name = "{0} {1} is recorded as {2}")
    @CsvSource({
            "5.5000, EUR, 5.50",
            "0,      EUR, 0.00",
            "500,    JPY, 500",
            "500.00, JPY, 500",
            "1.23,   BHD, 1.230",
    })
    void recordsThePriceWithTheCurrencysDecimals(String price, String currency, String recorded) {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Standard", new BigDecimal(price), currency, null, false))
                .expectEvents(new TicketCreatedEvent(TICKET, "Standard", new BigDecimal(recorded), currency, null,
                        false));
    }

    @Test
    void stripsTheName() {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "  VIP  ", new BigDecimal("20.00"), "EUR", null, false))
                .expectEvents(new TicketCreatedEvent(TICKET, "VIP", new BigDecimal("20.00"), "EUR", null, false));
    }

    @ParameterizedTest(name = "name [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void refusesAMissingName(String name) {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, name, BigDecimal.TEN, "EUR", null, false))
                .expectException(rejectedWith(VALIDATION_FAILED, "name"))
                .expectNoEvents();
    }

    @Test
    void refusesANameLongerThan100Characters() {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "n".repeat(101), BigDecimal.TEN, "EUR", null, false))
                .expectException(rejectedWith(VALIDATION_FAILED, "name"))
                .expectNoEvents();
    }

    @Test
    void acceptsANameOf100Characters() {
        String name = "n".repeat(100);

        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, name, BigDecimal.TEN, "EUR", null, false))
                .expectEvents(new TicketCreatedEvent(TICKET, name, new BigDecimal("10.00"), "EUR", null, false));
    }

    @ParameterizedTest(name = "price {0}")
    @ValueSource(strings = {"-0.01", "-5"})
    void refusesANegativePrice(String price) {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Standard", new BigDecimal(price), "EUR", null, false))
                .expectException(rejectedWith(VALIDATION_FAILED, "price"))
                .expectExceptionMessage("price must be 0 or more")
                .expectNoEvents();
    }

    /**
     * A price is compared with the maximum before anything is computed from it: scaling 1e99999999 to cents once
     * spun a core for good, and 1e999999999 overflowed.
     */
    @ParameterizedTest(name = "price {0}")
    @ValueSource(strings = {"1000000.01", "10000000000", "1e99999999", "1e999999999",
            "99999999999999999999999999999999999999.99"})
    @Timeout(5)
    void refusesAPriceAboveTheMaximum(String price) {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Standard", new BigDecimal(price), "EUR", null, false))
                .expectException(rejectedWith(VALIDATION_FAILED, "price"))
                .expectExceptionMessage("price must be at most 1000000.00")
                .expectNoEvents();
    }

    @Test
    void acceptsTheMaximumPrice() {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Standard", new BigDecimal("1e6"), "EUR", null, false))
                .expectEvents(new TicketCreatedEvent(TICKET, "Standard", new BigDecimal("1000000.00"), "EUR", null,
                        false));
    }

    @Test
    @Timeout(5)
    void refusesAPriceWithFarTooManyDecimals() {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Standard", new BigDecimal("1e-99999999"), "EUR", null, false))
                .expectException(rejectedWith(VALIDATION_FAILED, "price"))
                .expectNoEvents();
    }

    /** The ticket view keeps two decimals, so a third (which BHD has) would be rounded away there. */
    @Test
    void refusesAThirdDecimalEvenInACurrencyThatHasOne() {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Standard", new BigDecimal("1.234"), "BHD", null, false))
                .expectException(rejectedWith(VALIDATION_FAILED, "price"))
                .expectExceptionMessage("price has at most 2 decimals")
                .expectNoEvents();
    }

    @Test
    void refusesAMissingPrice() {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Standard", null, "EUR", null, false))
                .expectException(rejectedWith(VALIDATION_FAILED, "price"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "currency [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"eur", "EURO", "EU", "E1R", " EUR", "QQQ"})
    void refusesACurrencyThatIsNotAnIsoCode(String currency) {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Standard", BigDecimal.TEN, currency, null, false))
                .expectException(rejectedWith(VALIDATION_FAILED, "currency"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "5.005, EUR",
            "0.001, EUR",
            "5.5,   JPY",
            "1.2345, BHD",
    })
    void refusesMoreDecimalsThanTheCurrencyHas(String price, String currency) {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Standard", new BigDecimal(price), currency, null, false))
                .expectException(rejectedWith(VALIDATION_FAILED, "price"))
                .expectExceptionMessage("price has more decimals than " + currency + " allows")
                .expectNoEvents();
    }

    /**
     * ISO 4217 also lists codes without minor units (gold XAU, silver XAG, the test code XTS, "no currency" XXX),
     * for which {@code Currency.getDefaultFractionDigits()} is -1. A ticket cannot be priced in them.
     */
    @ParameterizedTest(name = "10 {0}")
    @ValueSource(strings = {"XAU", "XXX"})
    void refusesACurrencyWithoutMinorUnits(String currency) {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Gold", BigDecimal.TEN, currency, null, false))
                .expectException(rejectedWith(VALIDATION_FAILED, "currency"))
                .expectNoEvents();
    }

    @Test
    void refusesADescriptionLongerThan2000Characters() {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Standard", BigDecimal.TEN, "EUR", "d".repeat(2001), false))
                .expectException(rejectedWith(VALIDATION_FAILED, "description"))
                .expectNoEvents();
    }

    @Test
    void acceptsADescriptionOf2000Characters() {
        String description = "d".repeat(2000);

        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Standard", BigDecimal.TEN, "EUR", description, false))
                .expectEvents(new TicketCreatedEvent(TICKET, "Standard", new BigDecimal("10.00"), "EUR", description,
                        false));
    }

    @ParameterizedTest(name = "name [{0}]")
    @ValueSource(strings = {"VIP\u0000", "V\nIP", "V\tIP", "VIP\u007f", "lone\ud800surrogate"})
    void refusesANameThatIsNotOneLineOfPlainText(String name) {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, name, BigDecimal.TEN, "EUR", null, false))
                .expectException(rejectedWith(VALIDATION_FAILED, "name"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "description [{0}]")
    @ValueSource(strings = {"a seat\u0000", "a seat\r\nnear the screen", "\u001b[2Ja seat", "lone\udc00surrogate"})
    void refusesADescriptionThatIsNotPlainText(String description) {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Standard", BigDecimal.TEN, "EUR", description, false))
                .expectException(rejectedWith(VALIDATION_FAILED, "description"))
                .expectNoEvents();
    }

    @Test
    void acceptsADescriptionOfSeveralLinesWithTabs() {
        String description = "Row 1\n\tnear the screen 🎟";

        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Standard", BigDecimal.TEN, "EUR", description, false))
                .expectEvents(new TicketCreatedEvent(TICKET, "Standard", new BigDecimal("10.00"), "EUR", description,
                        false));
    }

    @Test
    void createsAVoucher() {
        fixture.givenNoPriorActivity()
                .when(new CreateTicketCommand(TICKET, "Press pass", new BigDecimal("9.9"), "EUR", null, true))
                .expectEvents(new TicketCreatedEvent(TICKET, "Press pass", new BigDecimal("9.90"), "EUR", null, true));
    }
}
