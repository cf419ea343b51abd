package org.vigie.detect.pipeline;

import org.vigie.detect.coaction.CoActionType;

/**
 * An object a group's members acted on together: a link, a text, a hashtag, an image, a reposted post.
 *
 * @param objectId as in the traces, prefixed by its kind ({@code url:…}, {@code text:…}, {@code textnear:…})
 * @param accounts distinct members of the group with a share of it
 * @param shares   the members' shares of it
 */
public record SharedObject(CoActionType type, String objectId, int accounts, long shares) {

    /** The object without its kind prefix: the URL, the normalised text, the hashtag. */
    public String value() {
        int colon = objectId.indexOf(':');
        return colon < 0 ? objectId : objectId.substring(colon + 1);
    }
}
