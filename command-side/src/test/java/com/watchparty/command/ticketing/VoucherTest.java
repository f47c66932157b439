package com.watchparty.command.ticketing;

import com.watchparty.api.ticketing.CreateVoucherCommand;
import com.watchparty.api.ticketing.RedeemVoucherCommand;
import com.watchparty.api.ticketing.ReleaseVoucherCommand;
import com.watchparty.api.ticketing.TicketCreatedEvent;
import com.watchparty.api.ticketing.VoucherCreatedEvent;
import com.watchparty.api.ticketing.VoucherRedeemedEvent;
import com.watchparty.api.ticketing.VoucherReleasedEvent;
import com.watchparty.api.ticketing.VoucherView;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static com.watchparty.api.error.ErrorCode.*;
import static com.watchparty.command.RejectionMatchers.rejectedWith;

/** A voucher ticket type's codes: created by an admin, each redeemed at most {@code max_usages} times. */
class VoucherTest {

    private static final Instant NOW = Instant.parse("2030-06-01T18:00:00Z");
    private static final Instant VALID_UNTIL = NOW.plus(Duration.ofDays(7));
    private static final UUID VOUCHER = id("voucher type");
    private static final UUID PLAIN = id("standard type");
    private static final UUID PARTY = id("party");
    private static final UUID OTHER_PARTY = id("other party");
    private static final UUID ALICE = id("alice");
    private static final UUID BOB = id("bob");
    private static final UUID CAROL = id("carol");
    private static final String CODE = "PREMIERE-2030";

    private FixtureConfiguration<Ticket> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.givenCurrentTime(NOW);
    }

    @Test
    void createsACode() {
        fixture.given(voucherType())
                .when(new CreateVoucherCommand(VOUCHER, CODE, 10, VALID_UNTIL, PARTY))
                .expectEvents(new VoucherCreatedEvent(VOUCHER, CODE, 10, VALID_UNTIL, PARTY))
                .expectResultMessagePayload(new VoucherView(CODE, VOUCHER, 10, VALID_UNTIL, PARTY));
    }

    @Test
    void refusesCodesForATicketTypeThatIsNoVoucher() {
        fixture.given(new TicketCreatedEvent(PLAIN, "Seat", new BigDecimal("5.00"), "EUR", null, false))
                .when(new CreateVoucherCommand(PLAIN, CODE, 10, VALID_UNTIL, null))
                .expectException(rejectedWith(VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void refusesACodeTwice() {
        fixture.given(voucherType(), code(2, null))
                .when(new CreateVoucherCommand(VOUCHER, CODE, 5, VALID_UNTIL, null))
                .expectException(rejectedWith(VOUCHER_CODE_TAKEN, "code"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "with space", "semi;colon", "ünïcode"})
    void refusesACodeNobodyCouldType(String code) {
        fixture.given(voucherType())
                .when(new CreateVoucherCommand(VOUCHER, code, 10, VALID_UNTIL, null))
                .expectException(rejectedWith(VALIDATION_FAILED, "code"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1_000_001})
    void refusesUsagesOutOfBounds(int maxUsages) {
        fixture.given(voucherType())
                .when(new CreateVoucherCommand(VOUCHER, CODE, maxUsages, VALID_UNTIL, null))
                .expectException(rejectedWith(VALIDATION_FAILED, "max_usages"));
    }

    @Test
    void refusesACodeThatHasExpiredAlready() {
        fixture.given(voucherType())
                .when(new CreateVoucherCommand(VOUCHER, CODE, 1, NOW.minusSeconds(1), null))
                .expectException(rejectedWith(VALIDATION_FAILED, "valid_until"));
    }

    @Test
    void countsAUse() {
        fixture.given(voucherType(), code(2, null))
                .when(new RedeemVoucherCommand(VOUCHER, CODE, PARTY, ALICE))
                .expectEvents(new VoucherRedeemedEvent(VOUCHER, CODE, PARTY, ALICE))
                .expectResultMessagePayload(true);
    }

    @Test
    void neverCountsMoreThanMaxUsages() {
        fixture.given(voucherType(), code(2, null), redeemed(ALICE), redeemed(BOB))
                .when(new RedeemVoucherCommand(VOUCHER, CODE, PARTY, CAROL))
                .expectException(rejectedWith(VOUCHER_USED_UP, "voucher_code"))
                .expectNoEvents();
    }

    @Test
    void countsARetryOnce() {
        fixture.given(voucherType(), code(1, null), redeemed(ALICE))
                .when(new RedeemVoucherCommand(VOUCHER, CODE, PARTY, ALICE))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aUseGivenBackCanBeRedeemedAgain() {
        fixture.given(voucherType(), code(1, null), redeemed(ALICE),
                        new VoucherReleasedEvent(VOUCHER, CODE, PARTY, ALICE))
                .when(new RedeemVoucherCommand(VOUCHER, CODE, PARTY, BOB))
                .expectEvents(new VoucherRedeemedEvent(VOUCHER, CODE, PARTY, BOB));
    }

    @Test
    void givesBackOnlyAUseThatWasCounted() {
        fixture.given(voucherType(), code(1, null), redeemed(ALICE))
                .when(new ReleaseVoucherCommand(VOUCHER, CODE, PARTY, BOB))
                .expectNoEvents();
    }

    @Test
    void refusesAnExpiredCode() {
        fixture.given(voucherType(), new VoucherCreatedEvent(VOUCHER, CODE, 5, NOW, null))
                .when(new RedeemVoucherCommand(VOUCHER, CODE, PARTY, ALICE))
                .expectException(rejectedWith(VOUCHER_EXPIRED, "voucher_code"));
    }

    @Test
    void refusesAnUnknownCode() {
        fixture.given(voucherType(), code(5, null))
                .when(new RedeemVoucherCommand(VOUCHER, "NOT-A-CODE", PARTY, ALICE))
                .expectException(rejectedWith(VOUCHER_INVALID, "voucher_code"));
    }

    @Test
    void refusesACodeBoundToAnotherParty() {
        fixture.given(voucherType(), code(5, OTHER_PARTY))
                .when(new RedeemVoucherCommand(VOUCHER, CODE, PARTY, ALICE))
                .expectException(rejectedWith(VOUCHER_INVALID, "voucher_code"));
    }

    @Test
    void aVoucherTypeWithCodesNeedsOne() {
        fixture.given(voucherType(), code(5, null))
                .when(new RedeemVoucherCommand(VOUCHER, null, PARTY, ALICE))
                .expectException(rejectedWith(VOUCHER_INVALID, "voucher_code"));
    }

    @Test
    void aVoucherTypeWithoutCodesIsRedeemedAsItIs() {
        fixture.given(voucherType())
                .when(new RedeemVoucherCommand(VOUCHER, null, PARTY, ALICE))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    private static TicketCreatedEvent voucherType() {
        return new TicketCreatedEvent(VOUCHER, "Guest list", new BigDecimal("9.90"), "EUR", null, true);
    }

    private static VoucherCreatedEvent code(int maxUsages, UUID partyId) {
        return new VoucherCreatedEvent(VOUCHER, CODE, maxUsages, VALID_UNTIL, partyId);
    }

    private static VoucherRedeemedEvent redeemed(UUID user) {
        return new VoucherRedeemedEvent(VOUCHER, CODE, PARTY, user);
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
