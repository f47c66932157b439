package com.watchparty.app.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Supplier;

/**
 * The storage engine's transactions: its writes (events, snapshots) start or join a transaction as before, and so
 * do its reads inside one (a command loading its aggregate); a read outside one runs as plain statements. Such a read
 * is the store's producer looking for new events, hundreds of times a second in a busy party, and a transaction of its
 * own cost each look a JPA session and a commit's round trip. The result is the same: PostgreSQL's READ COMMITTED
 * gives each statement of a transaction its own snapshot, as it does each statement outside one.
 */
final class AutoCommitReads implements TransactionManager {

    private final TransactionManager transactions;

    AutoCommitReads(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        return transactions.startTransaction();
    }

    @Override
    public <T> T fetchInTransaction(Supplier<T> supplier) {
        return TransactionSynchronizationManager.isActualTransactionActive()
                ? transactions.fetchInTransaction(supplier)
                : supplier.get();
    }
}
