package com.watchparty.query.party;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

public interface WaitingListRows extends JpaRepository<WaitingListRow, PartyMember> {

    /** People holding a seat. */
    long countByPartyIdAndHoldExpiresAtIsNotNull(UUID partyId);

    /** People waiting without a hold ... */
    long countByPartyIdAndHoldExpiresAtIsNull(UUID partyId);

    /** ... and those of them who joined before a given place. */
    long countByPartyIdAndHoldExpiresAtIsNullAndJoinedSequenceLessThan(UUID partyId, long joinedSequence);
}
