package com.watchparty.query;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A row of a query model whose id comes from an event, not from the database. Spring Data takes an entity with an
 * id for one that exists and merges it (a select, then an insert); a row built from an event is new until it has
 * been handed to the persistence context or loaded from it, so saving it is one insert.
 */
@MappedSuperclass
public abstract class ViewRow<I> implements Persistable<I> {

    @Transient
    private boolean stored;

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PrePersist
    @PostLoad
    void stored() {
        stored = true;
    }
}
