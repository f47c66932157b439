package com.watchparty.query;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionImplementor;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.SavepointManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;

import java.lang.reflect.Field;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Hibernate's dialect with JDBC savepoints, for {@code PROPAGATION_NESTED} inside a JPA transaction. Entities and
 * savepoints are kept consistent: what the session holds is written before a savepoint is set, and a rollback to it
 * also empties the session, so that nothing the rolled-back work changed in memory is written later. Work in a
 * savepoint flushes before it is released (see {@code TransactionStatus#flush()}), so that its statements fail, if
 * they fail, inside it.
 * <p>
 * Hibernate marks its transaction rollback-only at any failure that passes through the session, as JPA asks, and
 * has no way to take the mark back: it knows nothing of savepoints. After a rollback to a savepoint the failure is
 * undone, so the mark is cleared (a private field of Hibernate's JDBC transaction driver; its absence fails start-up,
 * and {@code WatchPartyProjectionTest} covers the behaviour on each Hibernate upgrade).
 */
final class SavepointJpaDialect extends HibernateJpaDialect {

    private static final Field ROLLBACK_ONLY;

    static {
        try {
            ROLLBACK_ONLY = Class.forName("org.hibernate.resource.transaction.backend.jdbc.internal."
                    + "JdbcResourceLocalTransactionCoordinatorImpl$TransactionDriverControlImpl")
                    .getDeclaredField("rollbackOnly");
            ROLLBACK_ONLY.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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
                return new Mark(session.doReturningWork(connection -> connection.setSavepoint()),
                        ROLLBACK_ONLY.getBoolean(driver()));
            } catch (RuntimeException | IllegalAccessException e) {
                throw new CannotCreateTransactionException("could not set a savepoint", e);
            }
        }

        @Override
        public void rollbackToSavepoint(Object savepoint) {
            Mark mark = (Mark) savepoint;
            try {
                session.doWork(connection -> connection.rollback(mark.savepoint()));
                ROLLBACK_ONLY.setBoolean(driver(), mark.rollbackOnly());
            } catch (RuntimeException | IllegalAccessException e) {
                throw new TransactionSystemException("could not roll back to a savepoint", e);
            } finally {
                session.clear();
            }
        }

        @Override
        public void releaseSavepoint(Object savepoint) {
            try {
                session.doWork(connection -> connection.releaseSavepoint(((Mark) savepoint).savepoint()));
            } catch (RuntimeException e) {
                throw new TransactionSystemException("could not release a savepoint", e);
            }
        }

        private Object driver() {
            return session.getTransactionCoordinator().getTransactionDriverControl();
        }
    }

    /** A savepoint, and whether Hibernate's transaction was marked rollback-only when it was set. */
    private record Mark(Savepoint savepoint, boolean rollbackOnly) {
    }
}
