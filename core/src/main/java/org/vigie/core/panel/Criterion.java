package org.vigie.core.panel;

import java.util.EnumSet;
import java.util.Set;

/**
 * The published criteria a member answers, each with a justification. The first three are the
 * threshold questions of the protocol; the others are the context the panel weighs. The order is the
 * order of the checklist.
 */
public enum Criterion {
    /** Degree to which the incident undermines the ability to hold a free and fair election. */
    UNDERMINES_FREE_FAIR_ELECTION(true),
    /** Potential to undermine the credibility of the election. */
    UNDERMINES_CREDIBILITY(true),
    /** Confidence in the information about the incident. */
    CONFIDENCE_IN_INFORMATION(true),
    REACH_AND_SCALE(false),
    SOURCE(false),
    LIFESPAN(false),
    CREDIBILITY_OF_INFORMATION(false),
    NOVELTY(false),
    DEBUNKED_OR_SELF_CORRECTED(false),
    ATTRIBUTION(false),
    PROXIMITY_TO_ELECTION_DAY(false),
    NATIONAL_SECURITY_IMPLICATIONS(false),
    RISK_TO_ONGOING_INVESTIGATIONS(false);

    private final boolean threshold;

    Criterion(boolean threshold) {
        this.threshold = threshold;
    }

    /** One of the three questions every assessment must answer with a rating and a justification. */
    public boolean threshold() {
        return threshold;
    }

    public static Set<Criterion> thresholdCriteria() {
        Set<Criterion> set = EnumSet.noneOf(Criterion.class);
        for (Criterion c : values()) {
            if (c.threshold) {
                set.add(c);
            }
        }
        return set;
    }
}
