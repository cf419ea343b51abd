package org.vigie.detect.synthetic;

/** What a planted group does together in each of its episodes. */
public enum Behaviour {
    /** Every participant reposts the same seed post ({@code repostOf}) within the group's jitter. */
    CO_REPOST,
    /** Every participant posts the same URL (tracking parameters vary per member, so only normalisation joins them). */
    CO_LINK,
    /** Every participant posts the same pair of campaign hashtags. */
    CO_HASHTAG,
    /** Every participant posts a copy of one text with one or two small edits (near-duplicate, not exact). */
    CO_TEXT_NEAR,
    /** Every participant posts the same image hash. */
    CO_IMAGE
}
