package org.vigie.core.panel;

/** A member's position on a referral: whether the panel should inform the public. */
public enum Position {
    ANNOUNCE,
    DO_NOT_ANNOUNCE,
    ABSTAIN
}
