package com.watchparty.query.party;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.UUID;

public interface WaitingListRows extends JpaRepository<WaitingListRow, PartyMember> {

    /** People holding a seat. */
    long countByPartyIdAndHoldExpiresAtIsNotNull(UUID partyId);

    /** People waiting without a hold ... */
    long countByPartyIdAndHoldExpiresAtIsNull(UUID partyId);

    /** ... and those of them who joined before a given place. */
    long countByPartyIdAndHoldExpiresAtIsNullAndJoinedSequenceLessThan(UUID partyId, long joinedSequence);

    /** Takes someone out of the line, if they were in it: how many rows went (0 or 1). */
    @Modifying
    @Query("delete from WaitingListRow w where w.partyId = :partyId and w.userId = :userId")
    int leave(UUID partyId, UUID userId);
}
