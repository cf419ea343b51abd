package org.vigie.detect.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.datasets.Datasets;

/**
 * The Russian retweet set of the CooRTweet package (35,125 rows) with W = 60, M = 2: the sweep-based
 * compatibility mode against a literal, per-object quadratic transcription of coortweet-compat.md written
 * with strings and collections only. The set is read from the copy Vigie ships ({@link Datasets}).
 */
class RussianCoordTweetsTest {

    record Row(String object, String account, String content, long ts) {
    }

    /** Minimal reader for this file: a header, then quoted ids without commas and an integer timestamp. */
    static List<Row> read(Datasets dataset) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(dataset.open()), StandardCharsets.UTF_8))) {
            String[] header = unquote(in.readLine().split(","));
            assertThat(header).containsExactly("object_id", "account_id", "content_id", "timestamp_share");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = unquote(line.split(",", -1));
                rows.add(new Row(f[0], f[1], f[2], Long.parseLong(f[3])));
            }
        }
        return rows;
    }

    private static String[] unquote(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            fields[i] = f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"") ? f.substring(1, f.length() - 1) : f;
        }
        return fields;
    }

    @Test
    void sweepEqualsTheLiteralDefinitionWithWindow60AndMinParticipation2() throws IOException {
        List<Row> rows = read(Datasets.RUSSIAN_COORD_TWEETS);
        assertThat(rows).hasSize(35_125);

        long start = System.nanoTime();
        TraceTable table = new TraceTable();
        for (Row r : rows) {
            table.add(r.account(), r.object(), r.ts(), r.content(), CoActionType.CO_REPOST);
        }
        long loaded = System.nanoTime();
        CoorTweetCompat.Result result = CoorTweetCompat.run(table, 60, 2);
        long done = System.nanoTime();

        Reference reference = reference(rows, 60, 2, 0.5);
        Map<String, Integer> pairs = new HashMap<>();
        for (CoorTweetCompat.Pair p : result.pairs()) {
            pairs.merge(p.toString(), 1, Integer::sum);
        }
        assertThat(pairs).isEqualTo(reference.pairs);
        assertThat(result.edges()).isEqualTo(reference.edges);
        long above = result.edges().stream().filter(e -> e.weightThreshold() == 1).count();
        System.out.printf("russian_coord_tweets W=60 M=2: %d rows, %d pairs, %d edges (%d above q=%.1f),"
                        + " table %.0f ms, compat %.0f ms%n", rows.size(), result.pairCount(), result.edges().size(),
                above, result.weightQuantile(), (loaded - start) / 1e6, (done - loaded) / 1e6);
        result.edges().stream().sorted((x, y) -> Long.compare(y.weight(), x.weight())).limit(5)
                .forEach(e -> System.out.println("  " + e));
    }

    record Reference(Map<String, Integer> pairs, List<CoorTweetCompat.Edge> edges) {
    }

    /** coortweet-compat.md, step by step, with no cleverness. */
    static Reference reference(List<Row> input, long w, int m, double e) {
        // 1. prefilter by rows, then order by account in order of first appearance
        Map<String, List<Row>> byAccount = new LinkedHashMap<>();
        for (Row r : input) {
            byAccount.computeIfAbsent(r.account(), k -> new ArrayList<>()).add(r);
        }
        List<Row> x = new ArrayList<>();
        for (List<Row> rows : byAccount.values()) {
            if (rows.size() >= m) {
                x.addAll(rows);
            }
        }
        // 2. pairs within each object, i before j
        Map<String, List<Row>> byObject = new LinkedHashMap<>();
        for (Row r : x) {
            byObject.computeIfAbsent(r.object(), k -> new ArrayList<>()).add(r);
        }
        record P(String object, String content, String contentY, String account, String accountY, long delta) {
        }
        List<P> result = new ArrayList<>();
        for (List<Row> rows : byObject.values()) {
            for (int i = 0; i < rows.size(); i++) {
                for (int j = i + 1; j < rows.size(); j++) {
                    Row a = rows.get(i);
                    Row b = rows.get(j);
                    if (Math.abs(a.ts() - b.ts()) <= w) {
                        result.add(new P(a.object(), a.content(), b.content(), a.account(), b.account(), a.ts() - b.ts()));
                    }
                }
            }
        }
        // 3. loops
        result.removeIf(p -> p.object().equals(p.content()) || p.object().equals(p.contentY())
                || p.content().equals(p.contentY()) || p.account().equals(p.accountY()));
        // 4. final participation filter
        if (m >= 1) {
            Set<String> c = new HashSet<>();
            for (P p : result) {
                c.add(p.content());
                c.add(p.contentY());
            }
            Map<String, List<String>> contentsByAccount = new HashMap<>();
            for (Row r : x) {
                if (c.contains(r.content())) {
                    contentsByAccount.computeIfAbsent(r.account(), k -> new ArrayList<>()).add(r.content());
                }
            }
            Set<String> f = new HashSet<>();
            contentsByAccount.values().stream().filter(l -> l.size() >= m).forEach(f::addAll);
            result.removeIf(p -> !f.contains(p.content()) && !f.contains(p.contentY()));
        }
        // 5. orientation
        Map<String, Integer> pairs = new HashMap<>();
        List<P> oriented = new ArrayList<>();
        for (P p : result) {
            P o = p.delta() > 0 ? new P(p.object(), p.contentY(), p.content(), p.accountY(), p.account(), p.delta()) : p;
            o = new P(o.object(), o.content(), o.contentY(), o.account(), o.accountY(), Math.abs(o.delta()));
            oriented.add(o);
            pairs.merge(new CoorTweetCompat.Pair(o.object(), o.content(), o.contentY(), o.account(), o.accountY(),
                    o.delta()).toString(), 1, Integer::sum);
        }
        // 6. edges
        record Acc(List<Long> deltas, Set<String> contents, Set<String> contentsY) {
        }
        TreeMap<List<String>, Acc> edges = new TreeMap<>((k1, k2) -> {
            int c = AccountOrder.compareUtf8(k1.get(0), k2.get(0));
            return c != 0 ? c : AccountOrder.compareUtf8(k1.get(1), k2.get(1));
        });
        for (P p : oriented) {
            boolean swap = AccountOrder.compareUtf8(p.account(), p.accountY()) > 0;
            List<String> key = swap ? List.of(p.accountY(), p.account()) : List.of(p.account(), p.accountY());
            Acc acc = edges.computeIfAbsent(key, k -> new Acc(new ArrayList<>(), new HashSet<>(), new HashSet<>()));
            acc.deltas().add(p.delta());
            acc.contents().add(p.content());
            acc.contentsY().add(p.contentY());
        }
        // 7. threshold
        double[] weights = edges.values().stream().mapToDouble(a -> a.deltas().size()).sorted().toArray();
        double q = Quantiles.type7(weights, e);
        List<CoorTweetCompat.Edge> out = new ArrayList<>();
        edges.forEach((k, a) -> {
            long weight = a.deltas().size();
            long sum = a.deltas().stream().mapToLong(Long::longValue).sum();
            int n = a.contents().size();
            int ny = a.contentsY().size();
            out.add(new CoorTweetCompat.Edge(k.get(0), k.get(1), weight, (double) sum / weight, n, ny,
                    (double) Math.min(n, ny) / Math.max(n, ny), weight > q ? 1 : 0));
        });
        return new Reference(pairs, out);
    }
}
