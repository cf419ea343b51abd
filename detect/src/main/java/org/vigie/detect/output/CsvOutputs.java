package org.vigie.detect.output;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.network.NetworkEdge;
import org.vigie.detect.pipeline.AccountNode;
import org.vigie.detect.pipeline.CoordinatedGroup;
import org.vigie.detect.pipeline.DetectionResult;
import org.vigie.detect.pipeline.SharedObject;

/** The three CSV files; column lists are public so that documentation and tests name the same columns. */
public final class CsvOutputs {
    public static final List<String> NODE_COLUMNS = List.of("account_id", "group_id", "score", "platform", "posts",
            "traces", "degree", "strength");
    /** CooRTweet's columns first, in its order; then Vigie's, then one pair count per co-action type of the run. */
    public static final List<String> EDGE_COLUMNS = List.of("account_id", "account_id_y", "weight", "avg_time_delta",
            "n_content_id", "n_content_id_y", "edge_symmetry_score", "weight_threshold", "idf_weight", "objects");
    public static final List<String> GROUP_COLUMNS = List.of("group_id", "size", "edges", "weight", "density",
            "platforms", "first_seen", "last_seen", "members", "top_objects");

    private CsvOutputs() {
    }

    /** Column name of a type's pair count: {@code co_link}, {@code co_text_near}. */
    public static String typeColumn(CoActionType type) {
        return type.key().replace('-', '_');
    }

    static void nodes(DetectionResult result, Writer w) throws IOException {
        Csv csv = new Csv(w);
        csv.row(NODE_COLUMNS.toArray(String[]::new));
        for (AccountNode a : result.accounts()) {
            csv.field(a.accountId());
            if (a.inGroup()) {
                csv.field(a.groupId());
            } else {
                csv.field((String) null);
            }
            csv.field(a.score()).field(a.platform()).field(a.posts()).field(a.traces()).field(a.degree())
                    .field(a.strength()).endRow();
        }
    }

    static void edges(DetectionResult result, List<NetworkEdge> edges, Writer w) throws IOException {
        Set<CoActionType> types = EnumSet.copyOf(result.settings().types());
        Csv csv = new Csv(w);
        for (String c : EDGE_COLUMNS) {
            csv.field(c);
        }
        for (CoActionType t : types) {
            csv.field(typeColumn(t));
        }
        csv.endRow();
        for (NetworkEdge e : edges) {
            // every written edge passed the run's filters: CooRTweet's weight_threshold flag is 1 for all of them
            csv.field(e.accountId()).field(e.accountIdY()).field(e.pairs()).field(e.avgTimeDelta())
                    .field(e.nContentId()).field(e.nContentIdY()).field(e.edgeSymmetryScore()).field(1)
                    .field(e.weight());
            if (e.objects() >= 0) {
                csv.field(e.objects());
            } else {
                csv.field((String) null);
            }
            for (CoActionType t : types) {
                csv.field(e.pairs(t));
            }
            csv.endRow();
        }
    }

    static void groups(DetectionResult result, Writer w) throws IOException {
        Set<CoActionType> types = EnumSet.copyOf(result.settings().types());
        Csv csv = new Csv(w);
        for (String c : GROUP_COLUMNS) {
            csv.field(c);
        }
        for (CoActionType t : types) {
            csv.field(typeColumn(t));
        }
        csv.endRow();
        for (CoordinatedGroup g : result.groups()) {
            csv.field(g.id()).field(g.size()).field(g.edges()).field(g.weight()).field(g.density())
                    .field(String.join(" ", g.platforms()))
                    .field(g.evidence().isEmpty() ? null : Instant.ofEpochSecond(g.firstSeen()).toString())
                    .field(g.evidence().isEmpty() ? null : Instant.ofEpochSecond(g.lastSeen()).toString())
                    .field(String.join(" ", g.members()))
                    .field(g.topObjects().stream().map(SharedObject::objectId).collect(Collectors.joining("\n")));
            for (CoActionType t : types) {
                csv.field(g.pairsByType().getOrDefault(t, 0L));
            }
            csv.endRow();
        }
    }
}
