package org.vigie.server.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a finished run found, as read back for its pages and the API. */
public final class RunResults {

    private RunResults() {
    }

    /** A group of coordinated accounts: its number in the run (0 = heaviest), its size and what its members shared. */
    public record Group(int number, int component, int size, int edges, double weight, double density, List<String> platforms,
                        Map<String, Long> pairsByType, List<TopObject> topObjects, List<Evidence> evidence, Instant firstSeen,
                        Instant lastSeen) {
    }

    /** An object many members shared: its co-action type key, its id ({@code url:…}), the value shown, members and shares. */
    public record TopObject(String type, String objectId, String value, int accounts, long shares) {
    }

    /** One evidence share of a group: the post, its account, when, how, and what it shared. */
    public record Evidence(String postId, String accountId, Instant time, String type, String objectId) {
    }

    /** An account of the network; {@code group} null when in none. */
    public record Account(String accountId, String platform, Integer group, double score, long posts, long traces, int degree,
                          double strength) {
    }

    /** An edge between two accounts; {@code group} null when they are not in the same group. */
    public record Edge(String source, String target, Integer group, long pairs, double weight, int objects, double avgTimeDelta) {
    }

    /**
     * The network view: the heaviest edges inside groups (all of them unless {@code truncated}) and their accounts.
     *
     * @param groupEdges how many edges inside groups are stored, of which {@code edges} are drawn
     */
    public record Network(List<Account> nodes, List<Edge> edges, long groupEdges, boolean truncated) {
    }
}
