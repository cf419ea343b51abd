package org.vigie.server.response;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.core.response.Escalation;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;

/**
 * The escalation job: every open board whose current level's deadline has passed is looked at once,
 * in its own transaction, with the board row locked ({@code FOR UPDATE SKIP LOCKED}: two instances
 * never escalate the same board twice). If someone of the level acknowledged, its escalation stops;
 * otherwise the next level is alerted (outbox rows in the same transaction) or, after the last
 * level, the board records that nobody acknowledged. Time comes from the injected {@link Clock}, so
 * tests move it instead of sleeping; nothing is kept in memory, so a restart loses nothing.
 */
@Component
public class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    private static final int BATCH = 100;

    private final ResponseRepository repository;
    private final Responses responses;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Escalations(ResponseRepository repository, Responses responses, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.responses = responses;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one run did. */
    public record Run(int escalated, int acknowledged, int exhausted) {
    }

    /** Looks at every board due now. */
    public Run runDue() {
        Instant now = clock.instant();
        int escalated = 0;
        int acknowledged = 0;
        int exhausted = 0;
        List<java.util.UUID> due;
        java.util.Set<java.util.UUID> seen = new java.util.HashSet<>();
        do {
            due = repository.dueBoards(now, BATCH).stream().filter(seen::add).toList();
            for (java.util.UUID id : due) {
                Escalation.Decision decision;
                try {
                    decision = transactions.execute(tx -> step(id, now));
                } catch (RuntimeException e) {
                    // one board that cannot be escalated (its subject gone) must not stop the others; it is retried next run
                    log.warn("response board {} could not be escalated: {}", id, e.toString());
                    continue;
                }
                if (decision == null) {
                    continue;
                }
                switch (decision) {
                    case ESCALATE -> escalated++;
                    case ACKNOWLEDGED -> acknowledged++;
                    case EXHAUSTED -> exhausted++;
                    default -> { }
                }
            }
        } while (!due.isEmpty());
        return new Run(escalated, acknowledged, exhausted);
    }

    private Escalation.Decision step(java.util.UUID id, Instant now) {
        Optional<Board> locked = repository.lockDue(id, now);
        if (locked.isEmpty()) {
            return null; // another instance holds it, or it changed since the scan
        }
        Board board = locked.get();
        int levels = board.protocol().levels().size();
        Escalation.Decision decision = Escalation.decide(board.currentLevel(), levels, board.escalationDueAt(),
                repository.levelAcknowledged(board.id(), board.currentLevel()), now);
        switch (decision) {
            case ACKNOWLEDGED -> repository.stopEscalation(board.id());
            case ESCALATE -> {
                Responses.Reached reached = responses.reach(board, board.currentLevel() + 1, "ESCALATION", now);
                log.info("response board {} escalated to level {} ({} alerted)", board.id(), board.currentLevel() + 1, reached.alerted());
            }
            case EXHAUSTED -> {
                repository.stopEscalation(board.id());
                repository.append(board.id(), now, "ESCALATION_EXHAUSTED", null, null, board.protocol().level(board.currentLevel()).name(), null);
                audit.record(AuditEvent.of("response.escalation-exhausted", Responses.TARGET, board.id()).with("level", board.currentLevel()));
            }
            case WAIT -> { }
        }
        return decision;
    }
}
