package org.vigie.core.sharing;

/** The kinds of information a community's members may be expected to share, as a charter's objectives name them. */
public enum InformationKind {
    /** Reports of interference seen: what happened, where, when, to whom. */
    INCIDENTS,
    /** Observables that help others detect the same activity: accounts, domains, URLs, hashes. */
    INDICATORS,
    /** Analyses and judgements: attribution, intent, reach, likely next steps. */
    ASSESSMENTS,
    /** Detection rules and the coordinated behaviour they found. */
    DETECTIONS,
    /** Public statements, debunks and communications made or planned. */
    PUBLIC_STATEMENTS
}
