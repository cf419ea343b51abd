package org.vigie.server.alerts;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the delivery loop as soon as there is something to do, instead of letting it wait for its next
 * poll: after the commit of a transaction that queued notifications (never before: the rows must be
 * visible to the worker's claim) and when a delivery slot frees up. The poll stays as the safety net
 * (a nudge from another process, a row whose back-off ran out, a lost wake-up).
 */
@Component
class DeliveryNudge {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition nudged = lock.newCondition();
    private boolean pending;

    /** Wakes the loop now. */
    void now() {
        lock.lock();
        try {
            pending = true;
            nudged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the loop when the current transaction commits; at once when there is none. */
    void afterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            now();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                now();
            }
        });
    }

    /** Waits for a nudge or the timeout, whichever comes first, and consumes the nudge. */
    void await(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long left = timeout.toNanos();
            while (!pending && left > 0) {
                left = nudged.awaitNanos(left);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }

    /** For tests of the loop: whether a nudge is waiting. */
    boolean pending() {
        lock.lock();
        try {
            return pending;
        } finally {
            lock.unlock();
        }
    }
}
