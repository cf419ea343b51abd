package org.vigie.detect.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.datasets.Datasets;
import org.vigie.detect.network.CoorTweetCompat;
import org.vigie.detect.network.TraceTable;
import org.vigie.detect.output.Rfc4180;
import org.vigie.detect.pipeline.DetectionProgress;
import org.vigie.detect.pipeline.Stage;
import org.vigie.detect.synthetic.SyntheticCsv;
import org.vigie.detect.synthetic.SyntheticPosts;
import org.vigie.detect.synthetic.SyntheticSettings;

class DetectCommandTest {
    static final List<String> ALL_FILES = List.of("nodes.csv", "edges.csv", "groups.csv", "network.gexf",
            "network.graphml", "summary.json");

    @TempDir
    Path dir;

    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    int detect(String... args) {
        return detect(DetectionProgress.NONE, args);
    }

    int detect(DetectionProgress progress, String... args) {
        DetectCommand command = new DetectCommand(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), progress);
        return command.run(List.of(args));
    }

    String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void withoutInputItSaysWhichOptionIsMissing() {
        assertThat(detect("--out", dir.toString())).isEqualTo(DetectCommand.USAGE_ERROR);
        assertThat(err()).contains("--input FILE is required");
    }

    @Test
    void anUnknownFormatIsNamedWithTheKnownOnes() {
        assertThat(detect("--input", "x.csv", "--format", "xml", "--out", "o")).isEqualTo(DetectCommand.USAGE_ERROR);
        assertThat(err()).contains("unknown input format 'xml'", "coortweet", "network-toolkit");
    }

    @Test
    void anUnknownTypeIsNamedWithTheKnownOnes() {
        assertThat(detect("--input", "x.csv", "--types", "co-link,co-magic", "--out", "o"))
                .isEqualTo(DetectCommand.USAGE_ERROR);
        assertThat(err()).contains("unknown co-action type 'co-magic'", "co-text-near");
    }

    @Test
    void aBadWindowIsRefused() {
        assertThat(detect("--input", "x.csv", "--window", "soon", "--out", "o")).isEqualTo(DetectCommand.USAGE_ERROR);
        assertThat(err()).contains("--window must be a whole number of seconds >= 0 or 'auto', was 'soon'");
    }

    @Test
    void compatibilityModeNeedsAWindowAndRefusesNativeOptions() {
        assertThat(detect("--input", "x.csv", "--compat", "coortweet", "--out", "o")).isEqualTo(DetectCommand.USAGE_ERROR);
        assertThat(err()).contains("--compat coortweet needs --window SECONDS");
        assertThat(detect("--input", "x.csv", "--compat", "coortweet", "--window", "60", "--types", "co-link",
                "--out", "o")).isEqualTo(DetectCommand.USAGE_ERROR);
        assertThat(err()).contains("does not take --types");
    }

    @Test
    void aMissingInputFileIsNamed() {
        Path missing = dir.resolve("nowhere.csv");
        assertThat(detect("--input", missing.toString(), "--out", dir.resolve("out").toString()))
                .isEqualTo(DetectCommand.NO_INPUT);
        assertThat(err()).contains("input file not found: " + missing);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void missingColumnsAreNamedAndNothingIsWritten() throws IOException {
        Path input = file("posts.csv", "post_id,account_id,text\np1,a,hello\n");
        assertThat(detect("--input", input.toString(), "--out", dir.resolve("out").toString()))
                .isEqualTo(DetectCommand.DATA_ERROR);
        assertThat(err()).contains("missing required column timestamp");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void tooManyBadRowsStopTheRunWithTheFirstErrorsAndLineNumbers() throws IOException {
        StringBuilder csv = new StringBuilder("post_id,account_id,timestamp\n");
        for (int i = 0; i < 30; i++) {
            csv.append("p").append(i).append(",a").append(i).append(i % 2 == 0 ? ",never\n" : ",2026-01-01T00:00:00Z\n");
        }
        Path input = file("posts.csv", csv.toString());
        assertThat(detect("--input", input.toString(), "--max-errors", "5", "--out", dir.resolve("out").toString()))
                .isEqualTo(DetectCommand.DATA_ERROR);
        assertThat(err()).contains("stopped after 6 bad rows", "line 2:");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anEmptyInputWritesAnEmptyResult() throws IOException {
        Path input = file("empty.csv", "");
        Path out = dir.resolve("out");
        assertThat(detect("--input", input.toString(), "--out", out.toString())).isEqualTo(DetectCommand.OK);
        for (String f : ALL_FILES) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        assertThat(Rfc4180.rows(out.resolve("edges.csv"))).hasSize(1);
        assertThat(out()).contains("(empty input)");
    }

    @Test
    void aSmallSyntheticRunWritesEveryFileAndASummaryTable() throws IOException {
        SyntheticPosts posts = new SyntheticPosts(SyntheticSettings.builder().posts(20_000).organicAccounts(4_000)
                .groups(4).viralBursts(2).burstSize(100, 300).build());
        Path input = SyntheticCsv.writeAll(posts, dir.resolve("in"), true);
        Path out = dir.resolve("out");

        int status = detect("--input", input.toString(), "--window", "120", "--out", out.toString());

        assertThat(status).as(err()).isEqualTo(DetectCommand.OK);
        for (String f : ALL_FILES) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        assertThat(Rfc4180.records(out.resolve("nodes.csv"))).isNotEmpty();
        assertThat(out()).contains("posts", "20,000", "co-text-near", "window", "120 s", "edges kept", "groups",
                "time: read and extract", "output");
    }

    @Test
    void ctrlCCancelsWithoutWritingAnything() throws IOException {
        SyntheticPosts posts = new SyntheticPosts(SyntheticSettings.builder().posts(5_000).organicAccounts(1_000)
                .groups(2).viralBursts(0).build());
        Path input = SyntheticCsv.writeAll(posts, dir.resolve("in"), false);
        Path out = dir.resolve("out");
        DetectCommand[] command = new DetectCommand[1];
        DetectionProgress cancelOnPairing = new DetectionProgress() {
            @Override
            public void started(Stage stage, long total) {
                if (stage == Stage.NEAR_DUPLICATES) {
                    command[0].cancel(); // what the shutdown hook does on Ctrl-C
                }
            }
        };
        command[0] = new DetectCommand(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), cancelOnPairing);

        int status = command[0].run(List.of("--input", input.toString(), "--out", out.toString()));

        assertThat(status).isEqualTo(DetectCommand.CANCELLED);
        assertThat(err()).contains("cancelled; nothing was written");
        assertThat(out).doesNotExist();
    }

    @Test
    void compatibilityModeOnTheRussianSetWritesCooRTweetsEdges() throws IOException {
        Path input = dir.resolve("russian.csv.gz");
        try (InputStream in = Datasets.RUSSIAN_COORD_TWEETS.open()) {
            Files.copy(in, input);
        }
        Path out = dir.resolve("out");

        int status = detect("--input", input.toString(), "--compat", "coortweet", "--window", "60",
                "--min-participation", "2", "--out", out.toString());

        assertThat(status).as(err()).isEqualTo(DetectCommand.OK);
        List<CoorTweetCompat.Edge> expected = new ArrayList<>(compatEdges(input, 60, 2).stream()
                .filter(e -> e.weightThreshold() == 1).toList());
        expected.sort(Comparator.comparing(CoorTweetCompat.Edge::accountId).thenComparing(CoorTweetCompat.Edge::accountIdY));
        List<Map<String, String>> written = Rfc4180.records(out.resolve("edges.csv"));
        written.sort(Comparator.comparing((Map<String, String> m) -> m.get("account_id"))
                .thenComparing(m -> m.get("account_id_y")));
        assertThat(written).hasSameSizeAs(expected).isNotEmpty();
        for (int i = 0; i < expected.size(); i++) {
            CoorTweetCompat.Edge e = expected.get(i);
            Map<String, String> w = written.get(i);
            assertThat(w.get("account_id")).isEqualTo(e.accountId());
            assertThat(w.get("account_id_y")).isEqualTo(e.accountIdY());
            assertThat(Long.parseLong(w.get("weight"))).isEqualTo(e.weight());
            assertThat(Double.parseDouble(w.get("avg_time_delta"))).isCloseTo(e.avgTimeDelta(), within(1e-6));
            assertThat(Integer.parseInt(w.get("n_content_id"))).isEqualTo(e.nContentId());
            assertThat(Integer.parseInt(w.get("n_content_id_y"))).isEqualTo(e.nContentIdY());
            assertThat(Double.parseDouble(w.get("edge_symmetry_score"))).isCloseTo(e.edgeSymmetryScore(), within(1e-6));
            assertThat(w.get("weight_threshold")).isEqualTo("1");
        }
    }

    /** CoorTweetCompat straight on the file's rows (quoted ids without commas, integer timestamps). */
    static List<CoorTweetCompat.Edge> compatEdges(Path gz, long window, int minParticipation) throws IOException {
        TraceTable table = new TraceTable();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            assertThat(in.readLine()).isEqualTo("\"object_id\",\"account_id\",\"content_id\",\"timestamp_share\"");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.replace("\"", "").split(",", -1);
                table.add(f[1], f[0], Long.parseLong(f[3]), f[2], CoActionType.CO_REPOST);
            }
        }
        return CoorTweetCompat.run(table, window, minParticipation).edges();
    }
}
