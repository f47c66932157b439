package com.watchparty.query.party;

import com.watchparty.query.ViewRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone in a party's waiting list ({@code waiting_list_view}), in the order of the event that put them there,
 * and until when the seat they hold is theirs, if they hold one.
 */
@Entity
@Table(name = "waiting_list_view")
@IdClass(PartyMember.class)
public class WaitingListRow extends ViewRow<PartyMember> {

    @Id
    private UUID partyId;
    @Id
    private UUID userId;
    private long joinedSequence;
    private Instant holdExpiresAt;

    protected WaitingListRow() {
    }

    WaitingListRow(UUID partyId, UUID userId, long joinedSequence) {
        this.partyId = partyId;
        this.userId = userId;
        this.joinedSequence = joinedSequence;
    }

    void hold(Instant until) {
        holdExpiresAt = until;
    }

    @Override
    public PartyMember getId() {
        return new PartyMember(partyId, userId);
    }

    public long joinedSequence() {
        return joinedSequence;
    }

    public Instant holdExpiresAt() {
        return holdExpiresAt;
    }
}
