package com.watchparty.query.party;

import com.watchparty.api.party.ListWatchPartiesQuery;
import com.watchparty.api.party.PartyAccess;
import com.watchparty.api.party.WatchPartyView;
import com.watchparty.query.catalog.MovieRow;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

interface WatchPartyRows extends JpaRepository<WatchPartyRow, UUID>, JpaSpecificationExecutor<WatchPartyRow> {

    /** A party with its movie, {@code null} while the catalog has not caught up. */
    record WithMovie(WatchPartyRow party, MovieRow movie) {

        WatchPartyView view() {
            return party.view(movie);
        }
    }

    /** A party and its movie in one statement: the read behind every party, log and replay request. */
    @Query("""
            select new com.watchparty.query.party.WatchPartyRows$WithMovie(p, m)
            from WatchPartyRow p left join MovieRow m on m.id = p.movieId where p.id = :id""")
    Optional<WithMovie> findWithMovie(UUID id);

    /** The parties {@code GET /watch-parties} lists: public ones only, by status and featured if asked. */
    static Specification<WatchPartyRow> listed(ListWatchPartiesQuery query) {
        return (party, criteria, where) -> {
            var conditions = new ArrayList<Predicate>();
            conditions.add(where.equal(party.get("access"), PartyAccess.PUBLIC));
            if (query.status() != null) {
                conditions.add(where.equal(party.get("status"), query.status()));
            }
            if (query.featured() != null) {
                conditions.add(where.equal(party.get("featured"), query.featured()));
            }
            return where.and(conditions.toArray(Predicate[]::new));
        };
    }
}
