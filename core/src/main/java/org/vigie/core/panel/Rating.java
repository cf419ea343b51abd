package org.vigie.core.panel;

/** How strongly a criterion applies, in the member's judgement; NOT_APPLICABLE for context that does not. */
public enum Rating {
    NOT_APPLICABLE,
    LOW,
    MODERATE,
    HIGH
}
