package org.vigie.detect.pipeline;

import org.vigie.detect.coaction.CoActionType;

/** One share that makes a group: the post, who made it, when, and the object it shares with other members. */
public record EvidencePost(String postId, String accountId, long epochSecond, CoActionType type, String objectId) {
}
