package org.vigie.detect.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.input.InputReport;
import org.vigie.detect.input.RowError;
import org.vigie.detect.pipeline.CoordinatedGroup;
import org.vigie.detect.pipeline.DetectionResult;
import org.vigie.detect.pipeline.DetectionSettings;
import org.vigie.detect.pipeline.EvidencePost;
import org.vigie.detect.pipeline.SharedObject;
import org.vigie.detect.pipeline.StageTiming;

/**
 * {@code summary.json}: the settings, the input report with its first row errors, counts per co-action type, the
 * window, the stage timings, and the groups with their top objects and evidence posts. Written with Jackson's
 * streaming generator (no data binding), pretty-printed for people who open it.
 */
final class SummaryJson {
    private static final JsonFactory JSON = new JsonFactory();

    private SummaryJson() {
    }

    static void write(DetectionResult r, List<String> files, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("generator", "Vigie detect");
            g.writeStringField("written_at", Instant.now().toString());
            settings(g, r.settings());
            input(g, r.input());
            g.writeNumberField("traces", r.traces());
            g.writeObjectFieldStart("traces_by_type");
            for (CoActionType t : EnumSet.allOf(CoActionType.class)) {
                Long n = r.tracesByType().get(t);
                if (n != null) {
                    g.writeNumberField(t.key(), n);
                }
            }
            g.writeEndObject();
            g.writeObjectFieldStart("window");
            g.writeNumberField("seconds", r.windowSeconds());
            g.writeBooleanField("estimated", r.windowEstimated());
            g.writeEndObject();
            g.writeNumberField("pairs", r.pairs());
            g.writeNumberField("weight_threshold", r.weightThreshold());
            g.writeNumberField("edges", r.edges().size());
            g.writeNumberField("fast_edges", r.fastEdges().size());
            g.writeNumberField("accounts", r.accounts().size());
            g.writeNumberField("grouped_accounts", r.groupedAccounts());
            timings(g, r.timings());
            g.writeArrayFieldStart("files");
            for (String f : files) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("groups");
            for (CoordinatedGroup group : r.groups()) {
                group(g, group);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void settings(JsonGenerator g, DetectionSettings s) throws IOException {
        g.writeObjectFieldStart("settings");
        g.writeArrayFieldStart("types");
        for (CoActionType t : EnumSet.copyOf(s.types())) {
            g.writeString(t.key());
        }
        g.writeEndArray();
        if (s.autoWindow()) {
            g.writeStringField("window", "auto");
        } else {
            g.writeNumberField("window", s.windowSeconds());
        }
        g.writeNumberField("fast_window", s.fastWindowSeconds());
        g.writeNumberField("min_participation", s.minParticipation());
        g.writeNumberField("min_weight", s.minWeight());
        if (Double.isNaN(s.weightQuantile())) {
            g.writeNullField("weight_quantile");
        } else {
            g.writeNumberField("weight_quantile", s.weightQuantile());
        }
        g.writeBooleanField("idf", s.idf());
        g.writeNumberField("near_threshold", s.nearDuplicateThreshold());
        g.writeNumberField("min_group_size", s.minGroupSize());
        g.writeNumberField("min_objects", s.minObjects());
        g.writeNumberField("min_rarity", s.minRarity());
        g.writeStringField("compat", s.coortweetCompat() ? "coortweet" : null);
        g.writeEndObject();
    }

    private static void input(JsonGenerator g, InputReport in) throws IOException {
        g.writeObjectFieldStart("input");
        if (in != null) {
            g.writeStringField("format", in.format() == null ? null : in.format().key());
            g.writeNumberField("rows", in.rowsRead());
            g.writeNumberField("posts", in.posts());
            g.writeNumberField("row_errors", in.errors());
            g.writeArrayFieldStart("first_errors");
            for (RowError e : in.firstErrors()) {
                g.writeStartObject();
                g.writeNumberField("line", e.line());
                g.writeStringField("reason", e.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void timings(JsonGenerator g, List<StageTiming> timings) throws IOException {
        g.writeArrayFieldStart("stages");
        for (StageTiming t : timings) {
            g.writeStartObject();
            g.writeStringField("stage", t.stage().label());
            g.writeNumberField("items", t.items());
            g.writeNumberField("seconds", t.seconds());
            g.writeNumberField("items_per_second", Math.round(t.itemsPerSecond()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void group(JsonGenerator g, CoordinatedGroup group) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", group.id());
        g.writeNumberField("size", group.size());
        g.writeNumberField("edges", group.edges());
        g.writeNumberField("weight", group.weight());
        g.writeNumberField("density", group.density());
        strings(g, "members", group.members());
        strings(g, "platforms", group.platforms());
        g.writeObjectFieldStart("pairs_by_type");
        for (Map.Entry<CoActionType, Long> e : new java.util.TreeMap<>(group.pairsByType()).entrySet()) {
            g.writeNumberField(e.getKey().key(), e.getValue());
        }
        g.writeEndObject();
        if (!group.evidence().isEmpty()) {
            g.writeStringField("first_seen", Instant.ofEpochSecond(group.firstSeen()).toString());
            g.writeStringField("last_seen", Instant.ofEpochSecond(group.lastSeen()).toString());
        }
        g.writeArrayFieldStart("top_objects");
        for (SharedObject o : group.topObjects()) {
            g.writeStartObject();
            g.writeStringField("type", o.type() == null ? null : o.type().key());
            g.writeStringField("object_id", o.objectId());
            g.writeNumberField("accounts", o.accounts());
            g.writeNumberField("shares", o.shares());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("evidence");
        for (EvidencePost p : group.evidence()) {
            g.writeStartObject();
            g.writeStringField("post_id", p.postId());
            g.writeStringField("account_id", p.accountId());
            g.writeStringField("time", Instant.ofEpochSecond(p.epochSecond()).toString());
            g.writeStringField("type", p.type() == null ? null : p.type().key());
            g.writeStringField("object_id", p.objectId());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
