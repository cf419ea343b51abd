package org.vigie.detect.pipeline;

/**
 * One account of the network (an end of at least one kept edge).
 *
 * @param groupId  the group it belongs to, or -1 when in none
 * @param score    coordination score in [0, 1] (see {@code docs/detect/groups.md})
 * @param posts    posts of the account in the input
 * @param traces   co-action traces of the account
 * @param degree   kept edges at the account
 * @param strength sum of the weights of those edges
 */
public record AccountNode(String accountId, String platform, int groupId, double score, long posts, long traces,
        int degree, double strength) {

    public boolean inGroup() {
        return groupId >= 0;
    }
}
