package org.vigie.detect.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.vigie.detect.input.Post;

/**
 * Writes a synthetic set as files: posts in Vigie CSV (the documented schema, read back by
 * {@code PostReader}; gzipped when the name ends in {@code .gz}), {@code truth.csv} ({@code account_id,
 * group_id}, one row per account, group empty for organic accounts) and {@code groups.csv} ({@code group_id,
 * size, behaviours, jitter_seconds, episodes}; behaviours space-separated).
 */
public final class SyntheticCsv {

    /** Vigie CSV columns, in the documented order. */
    public static final String HEADER = "post_id,account_id,account_name,platform,timestamp,text,urls,domains,"
            + "hashtags,mentions,repost_of,reply_to,image_hash,lang";

    private SyntheticCsv() {
    }

    /** Writes {@code posts.csv.gz} (or {@code posts.csv} when {@code gzip} is false), truth.csv and groups.csv. */
    public static Path writeAll(SyntheticPosts set, Path dir, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        Path posts = dir.resolve(gzip ? "posts.csv.gz" : "posts.csv");
        writePosts(set.iterator(), posts);
        writeTruth(set.truth(), dir.resolve("truth.csv"));
        writeGroups(set.truth(), dir.resolve("groups.csv"));
        return posts;
    }

    /** Returns the number of posts written. */
    public static long writePosts(Iterator<Post> posts, Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            out = new GZIPOutputStream(out, 1 << 16);
        }
        long n = 0;
        try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            w.write(HEADER);
            w.write('\n');
            StringBuilder line = new StringBuilder(256);
            while (posts.hasNext()) {
                line.setLength(0);
                appendRow(line, posts.next());
                w.append(line);
                n++;
            }
        }
        return n;
    }

    /** One Vigie CSV row, with its line end. */
    public static void appendRow(StringBuilder b, Post p) {
        field(b, p.postId()).append(',');
        field(b, p.accountId()).append(',');
        field(b, p.accountName()).append(',');
        field(b, p.platform()).append(',');
        b.append(Instant.ofEpochSecond(p.epochSecond())).append(',');
        field(b, p.text()).append(',');
        list(b, p.urls()).append(',');
        list(b, p.domains()).append(',');
        list(b, p.hashtags()).append(',');
        list(b, p.mentions()).append(',');
        field(b, p.repostOf()).append(',');
        field(b, p.replyTo()).append(',');
        list(b, p.imageHashes()).append(',');
        field(b, p.lang()).append('\n');
    }

    public static void writeTruth(GroundTruth truth, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("account_id,group_id\n");
            for (String a : truth.accounts()) {
                String g = truth.groupOf(a);
                w.write(a + "," + (g == null ? "" : g) + "\n");
            }
        }
    }

    public static void writeGroups(GroundTruth truth, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("group_id,size,behaviours,jitter_seconds,episodes\n");
            for (PlantedGroup g : truth.groups().values()) {
                StringBuilder b = new StringBuilder();
                for (Behaviour x : Behaviour.values()) {
                    if (g.behaviours().contains(x)) {
                        b.append(b.length() == 0 ? "" : " ").append(x.name().toLowerCase(java.util.Locale.ROOT));
                    }
                }
                w.write(g.id() + "," + g.members().size() + "," + b + "," + g.jitterSeconds() + "," + g.episodes()
                        + "\n");
            }
        }
    }

    private static StringBuilder list(StringBuilder b, List<String> values) {
        if (values.isEmpty()) {
            return b;
        }
        return field(b, String.join(" ", values));
    }

    private static StringBuilder field(StringBuilder b, String v) {
        if (v == null) {
            return b;
        }
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return b.append(v);
        }
        b.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                b.append('"');
            }
            b.append(c);
        }
        return b.append('"');
    }
}
