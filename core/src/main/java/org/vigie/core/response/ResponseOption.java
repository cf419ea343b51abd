package org.vigie.core.response;

import java.util.Locale;

/**
 * The graded coordinated response options a board may choose, from the most discreet to the most
 * public. Choosing one is recorded in the board's decision log with who chose it and why.
 */
public enum ResponseOption {
    /** Tell the targeted organisation or person privately. */
    PRIVATE_NOTICE_TO_TARGET(1),
    /** Tell the platforms concerned, together, so that they act on the same facts. */
    COORDINATED_NOTICE_TO_PLATFORMS(2),
    /** Publish an advisory for the public or the press. */
    PUBLIC_ADVISORY(3);

    private final int grade;

    ResponseOption(int grade) {
        this.grade = grade;
    }

    public int grade() {
        return grade;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
