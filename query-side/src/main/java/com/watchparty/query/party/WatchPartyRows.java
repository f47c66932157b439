package com.watchparty.query.party;

import com.watchparty.api.party.ListWatchPartiesQuery;
import com.watchparty.api.party.PartyAccess;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;

import java.util.ArrayList;
import java.util.UUID;

interface WatchPartyRows extends JpaRepository<WatchPartyRow, UUID>, JpaSpecificationExecutor<WatchPartyRow> {

    /** A page of parties, each with its movie in the same statement. */
    @Override
    @EntityGraph(attributePaths = "movie")
    Page<WatchPartyRow> findAll(Specification<WatchPartyRow> where, Pageable page);

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
