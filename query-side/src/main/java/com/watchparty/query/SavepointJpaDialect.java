package com.watchparty.query;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionImplementor;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.SavepointManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Hibernate's dialect with JDBC savepoints, for {@code PROPAGATION_NESTED} inside a JPA transaction. Entities and
 * savepoints are kept consistent: what the session holds is written before a savepoint is set, and a rollback to it
 * also empties the session, so that nothing the rolled-back work changed in memory is written later. Work in a
 * savepoint flushes before it is released (see {@code TransactionStatus#flush()}), so that its statements fail, if
 * they fail, inside it.
 */
final class SavepointJpaDialect extends HibernateJpaDialect {

    @Override
    public Object beginTransaction(EntityManager entityManager, TransactionDefinition definition)
            throws SQLException {
        Object transaction = super.beginTransaction(entityManager, definition);
        return new Savepoints(entityManager.unwrap(SessionImplementor.class), transaction);
    }

    @Override
    public void cleanupTransaction(Object transactionData) {
        super.cleanupTransaction(transactionData instanceof Savepoints savepoints ? savepoints.transaction() : transactionData);
    }

    /** @param transaction what {@link HibernateJpaDialect} keeps of the transaction, handed back at its end */
    private record Savepoints(SessionImplementor session, Object transaction) implements SavepointManager {

        @Override
        public Object createSavepoint() {
            session.flush();
            try {
                return session.doReturningWork(connection -> connection.setSavepoint());
            } catch (RuntimeException e) {
                throw new CannotCreateTransactionException("could not set a savepoint", e);
            }
        }

        @Override
        public void rollbackToSavepoint(Object savepoint) {
            try {
                session.doWork(connection -> connection.rollback((Savepoint) savepoint));
            } catch (RuntimeException e) {
                throw new TransactionSystemException("could not roll back to a savepoint", e);
            } finally {
                session.clear();
            }
        }

        @Override
        public void releaseSavepoint(Object savepoint) {
            try {
                session.doWork(connection -> connection.releaseSavepoint((Savepoint) savepoint));
            } catch (RuntimeException e) {
                throw new TransactionSystemException("could not release a savepoint", e);
            }
        }
    }
}
