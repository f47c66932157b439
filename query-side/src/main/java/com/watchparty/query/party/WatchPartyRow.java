package com.watchparty.query.party;

import com.watchparty.api.party.BoxOfficeView;
import com.watchparty.api.party.PartyAccess;
import com.watchparty.api.party.PartyStatus;
import com.watchparty.api.party.WatchPartyScheduledEvent;
import com.watchparty.api.party.WatchPartyView;
import com.watchparty.query.ViewRow;
import com.watchparty.query.catalog.MovieRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.NotFound;
import org.hibernate.annotations.NotFoundAction;

import java.time.Instant;
import java.util.UUID;

/**
 * A party as the watch-parties projection keeps it ({@code watch_party_view}): its schedule, status, seats and room.
 * {@code version} is the sequence number of the party's last event applied, not an optimistic lock: one projection
 * segment writes a party, and an event at or below it is one already applied.
 */
@Entity
@Table(name = "watch_party_view")
public class WatchPartyRow extends ViewRow<UUID> {

    @Id
    private UUID id;
    @Column(name = "movie_id")
    private UUID movieId;
    /** The catalog's row, read with the party; {@code null} while the catalog has not caught up (no foreign key). */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "movie_id", insertable = false, updatable = false)
    @NotFound(action = NotFoundAction.IGNORE)
    private MovieRow movie;
    private Instant startTime;
    private Instant endTime;
    @Column(name = "is_featured")
    boolean featured;
    int maxParticipants;
    @Enumerated(EnumType.STRING)
    private PartyStatus status;
    int ticketsSold;
    int activeParticipants;
    boolean hostOnlyPlayback;
    /** Who holds the remote while playback is host-only: the admin who scheduled the party, or whom it passed to. */
    UUID hostId;
    @Enumerated(EnumType.STRING)
    PartyAccess access;
    String invitationCode;
    int seatsHeld;
    int ticketsCancelled;
    int waiting;
    private long version;

    protected WatchPartyRow() {
    }

    /** Whether anyone waits for a seat or holds one. */
    boolean hasLine() {
        return waiting + seatsHeld > 0;
    }

    static WatchPartyRow scheduled(WatchPartyScheduledEvent event, long version) {
        var row = new WatchPartyRow();
        row.id = event.partyId();
        row.movieId = event.movieId();
        row.startTime = event.startTime();
        row.endTime = event.endTime();
        row.featured = event.featured();
        row.maxParticipants = event.maxParticipants();
        row.status = PartyStatus.UPCOMING;
        row.access = PartyAccess.PUBLIC;
        row.hostId = event.scheduledBy();
        row.version = version;
        return row;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID movieId() {
        return movieId;
    }

    /** The movie as read with the party: a party just scheduled has not been read yet. */
    MovieRow movie() {
        return movie;
    }

    public PartyStatus status() {
        return status;
    }

    public Instant startTime() {
        return startTime;
    }

    public Instant endTime() {
        return endTime;
    }

    /** Whether the event of this sequence number is news to this row; if so, the row now reflects it. */
    boolean advanceTo(long eventVersion) {
        if (eventVersion <= version) {
            return false;
        }
        version = eventVersion;
        return true;
    }

    void reschedule(Instant startTime, Instant endTime) {
        this.startTime = startTime;
        this.endTime = endTime;
    }

    void start() {
        status = PartyStatus.ONGOING;
    }

    void finish() {
        status = PartyStatus.FINISHED;
        activeParticipants = 0;
    }

    WatchPartyView view() {
        return view(movie);
    }

    /** @param movie the catalog's row, or {@code null} while the catalog has not caught up */
    WatchPartyView view(MovieRow movie) {
        var summary = movie == null
                ? new WatchPartyView.MovieSummary(movieId, null, null, null)
                : new WatchPartyView.MovieSummary(movieId, movie.title(), movie.durationSeconds(), movie.posterUrl());
        return new WatchPartyView(id, summary, startTime, endTime, featured, maxParticipants, status, ticketsSold,
                activeParticipants, hostOnlyPlayback, access, hostId, version);
    }

    BoxOfficeView boxOffice() {
        return new BoxOfficeView(id, maxParticipants, ticketsSold, seatsHeld, ticketsCancelled, waiting, access,
                invitationCode, version);
    }
}
