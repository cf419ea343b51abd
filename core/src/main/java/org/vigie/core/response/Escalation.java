package org.vigie.core.response;

import java.time.Instant;

/**
 * The escalation rule. A level's alert is acknowledged as soon as one person alerted at that level
 * acknowledges it: someone has taken charge, and escalating further would only add noise. Otherwise,
 * once its deadline has passed, the next level is alerted (the earlier levels stay alerted); after
 * the last level there is nowhere further to go and the board says so.
 */
public final class Escalation {

    private Escalation() {
    }

    /** What to do with a board's current level now. */
    public enum Decision {
        /** The deadline has not passed and no one acknowledged yet: wait. */
        WAIT,
        /** Someone acknowledged: this level's escalation stops. */
        ACKNOWLEDGED,
        /** The deadline passed unacknowledged and there is a next level: alert it. */
        ESCALATE,
        /** The deadline passed unacknowledged at the last level. */
        EXHAUSTED
    }

    /**
     * @param level        the board's current level, from 1
     * @param levels       how many levels the protocol has
     * @param deadline     when the current level's acknowledgement is due
     * @param acknowledged whether anyone alerted at the current level acknowledged
     */
    public static Decision decide(int level, int levels, Instant deadline, boolean acknowledged, Instant now) {
        if (acknowledged) {
            return Decision.ACKNOWLEDGED;
        }
        if (now.isBefore(deadline)) {
            return Decision.WAIT;
        }
        return level < levels ? Decision.ESCALATE : Decision.EXHAUSTED;
    }
}
