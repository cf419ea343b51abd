package org.vigie.detect.coaction;

/**
 * One share of an object by an account: the unit every co-action type produces and the pairing
 * consumes. {@code objectId} is already prefixed by its type (e.g. {@code url:https://…}) so that
 * objects of different types never collide; {@code contentId} is the post that made the share.
 *
 * @param epochSecond when the post was made, in seconds since the epoch
 */
public record Trace(String accountId, String objectId, long epochSecond, String contentId, CoActionType type) {
}
