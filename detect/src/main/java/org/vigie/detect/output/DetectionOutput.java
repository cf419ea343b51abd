package org.vigie.detect.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link org.vigie.detect.pipeline.DetectionResult} into a directory: {@code nodes.csv}, {@code edges.csv}
 * (and {@code edges-fast.csv} with a fast window), {@code groups.csv}, {@code network.gexf},
 * {@code network.graphml} and {@code summary.json} (columns in {@code docs/detect/cli.md}).
 *
 * <p>Nothing half-written: each file is written beside its final name as {@code .name.part} and all are renamed
 * only once every one is complete; on failure the parts are deleted and earlier files of the same names are
 * left as they were.
 */
public final class DetectionOutput {
    public static final String NODES = "nodes.csv";
    public static final String EDGES = "edges.csv";
    public static final String FAST_EDGES = "edges-fast.csv";
    public static final String GROUPS = "groups.csv";
    public static final String GEXF = "network.gexf";
    public static final String GRAPHML = "network.graphml";
    public static final String SUMMARY = "summary.json";

    private DetectionOutput() {
    }

    /** Writes every file and returns their paths, in the order above. */
    public static List<Path> write(org.vigie.detect.pipeline.DetectionResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> names = new ArrayList<>(List.of(NODES, EDGES, GROUPS, GEXF, GRAPHML, SUMMARY));
        if (!result.fastEdges().isEmpty() || result.settings().fastWindowSeconds() > 0) {
            names.add(2, FAST_EDGES);
        }
        List<Path> parts = new ArrayList<>();
        List<Path> finals = new ArrayList<>();
        try {
            for (String name : names) {
                Path part = dir.resolve("." + name + ".part");
                finals.add(dir.resolve(name));
                var stream = Files.newOutputStream(part);
                parts.add(part); // ours from now on: deleted on failure
                try (Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
                    writeOne(name, result, w, names);
                }
            }
            for (int i = 0; i < parts.size(); i++) {
                move(parts.get(i), finals.get(i));
            }
            return finals;
        } catch (IOException | RuntimeException e) {
            for (Path p : parts) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    private static void writeOne(String name, org.vigie.detect.pipeline.DetectionResult result, Writer w,
            List<String> files) throws IOException {
        switch (name) {
            case NODES -> CsvOutputs.nodes(result, w);
            case EDGES -> CsvOutputs.edges(result, result.edges(), w);
            case FAST_EDGES -> CsvOutputs.edges(result, result.fastEdges(), w);
            case GROUPS -> CsvOutputs.groups(result, w);
            case GEXF -> GraphOutputs.gexf(result, w);
            case GRAPHML -> GraphOutputs.graphml(result, w);
            case SUMMARY -> SummaryJson.write(result, files, w);
            default -> throw new IllegalStateException(name);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
