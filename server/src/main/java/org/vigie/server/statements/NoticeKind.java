package org.vigie.server.statements;

/**
 * TARGET: an organisation the referred reports name as a target, told privately before the public.
 * PRE_ANNOUNCEMENT: every registered political party and the election management body, told at the
 * same instant with the same text, so that no party learns of it before another.
 */
public enum NoticeKind {
    TARGET, PRE_ANNOUNCEMENT
}
