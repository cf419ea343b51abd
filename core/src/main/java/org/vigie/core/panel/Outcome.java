package org.vigie.core.panel;

/** What the panel decided: to inform the public, or not (other responses may still be decided). */
public enum Outcome {
    PUBLIC_ANNOUNCEMENT,
    NO_PUBLIC_ANNOUNCEMENT
}
