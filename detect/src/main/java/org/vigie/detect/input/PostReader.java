package org.vigie.detect.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Streams the posts of one input, plain or gzip-compressed (recognised by its magic bytes, not its
 * name), in any {@link InputFormat}: given, or detected from the CSV header (a first non-blank
 * character {@code {} means JSONL). Only one row (one post for the multi-platform format) is held at a
 * time.
 *
 * <p>Bad rows — wrong number of fields, an empty required value, an unreadable timestamp, a line that is
 * not a JSON object — are skipped and reported with their line number in {@link #report()}, within the
 * {@link ErrorBudget}; beyond it {@link #hasNext()} throws {@link TooManyRowErrorsException}. A CSV
 * header without a required column throws {@link MissingColumnsException} when the reader opens. An empty
 * input yields no posts.
 *
 * <p>How each format becomes posts:
 * <ul>
 *   <li><b>Vigie CSV/JSONL</b>: one row, one post; {@code urls}, {@code hashtags}, {@code mentions},
 *       {@code domains} and {@code image_hash} are space-separated in CSV, arrays or space-separated
 *       strings in JSONL.</li>
 *   <li><b>CooRTweet</b>: one row (a share) is one post: {@code content_id} the post, {@code object_id}
 *       its {@code repostOf} (the raw id, not prefixed), so co-repost traces reproduce CooRTweet's
 *       object sharing.</li>
 *   <li><b>Multi-platform</b>: <em>consecutive</em> rows with the same {@code account_id} and
 *       {@code post_id} are grouped into one post with the union of their URLs, hashtags, domains and
 *       image hashes (duplicates removed, first-seen order, timestamp of the first row). A post whose rows
 *       are not consecutive comes out as several posts with the same id (the German 2021 set has 22,600
 *       such splits among 194,323 posts), so consumers must not count a post id twice on one object:
 *       the pairing drops same-account pairs, and co-action counting should deduplicate
 *       (account, object, post). The platform is read from the account prefix ({@code fb_}, {@code tw_},
 *       {@code ig_}, {@code yt_}, {@code tg_}).</li>
 *   <li><b>coordination-network-toolkit</b>: {@code message_id, user_id, username, repost_id, reply_id,
 *       message, timestamp, urls} (URLs space-separated, often without a scheme), read <em>by
 *       position</em> as the toolkit does (the header's names do not matter, so a file with other names
 *       must be given with {@code --format network-toolkit}); hashtags and mentions are taken from the
 *       message text.</li>
 * </ul>
 */
public final class PostReader implements Iterator<Post>, AutoCloseable {

    /** How many row errors the report keeps in full (all are counted). */
    public static final int KEPT_ERRORS = 20;

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w&#])#(\\w+)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@(\\w+)", Pattern.UNICODE_CHARACTER_CLASS);

    private final AutoCloseable resource;
    private final RowSource rows;
    private final InputFormat format;
    private final ErrorBudget budget;
    private final List<RowError> firstErrors = new ArrayList<>();
    private long rowsRead;
    private long posts;
    private long errors;
    private Post next;
    private PostBuilder pending;
    private boolean ended;

    private PostReader(AutoCloseable resource, RowSource rows, InputFormat format, ErrorBudget budget) {
        this.resource = resource;
        this.rows = rows;
        this.format = format;
        this.budget = budget;
    }

    /** Opens {@code file}; {@code format} {@code null} means detect it. */
    public static PostReader open(Path file, InputFormat format, ErrorBudget budget) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "input file not found");
        }
        try {
            return open(in, format, budget);
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    /** Reads {@code in} (closed with the reader); {@code format} {@code null} means detect it. */
    public static PostReader open(InputStream in, InputFormat format, ErrorBudget budget) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        InputStream data = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 64 * 1024) : buffered;
        BufferedReader reader = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8), 64 * 1024);
        skipByteOrderMark(reader);
        InputFormat actual = format;
        if (actual == null && firstNonBlank(reader) == '{') {
            actual = InputFormat.VIGIE_JSONL;
        }
        if (actual == InputFormat.VIGIE_JSONL) {
            return new PostReader(reader, new JsonLines(reader), actual, budget);
        }
        CsvParser csv = new CsvParser(reader);
        List<String> header = csv.next();
        while (header != null && isBlank(header)) {
            header = csv.next();
        }
        if (header == null) { // empty input: nothing to read, whatever the format
            return new PostReader(reader, () -> null, actual, budget);
        }
        if (actual == null) {
            actual = InputFormat.detect(header);
            if (actual == null) {
                reader.close();
                throw new PostInputException("cannot recognise the input format from its header ("
                        + String.join(", ", header) + "); give it with --format");
            }
        }
        Map<String, Integer> columns = new HashMap<>();
        if (actual == InputFormat.NETWORK_TOOLKIT) {
            // the toolkit reads its CSV by position and ignores the header's names
            if (header.size() < InputFormat.NETWORK_TOOLKIT_COLUMNS.size()) {
                reader.close();
                throw new MissingColumnsException(actual,
                        InputFormat.NETWORK_TOOLKIT_COLUMNS.subList(header.size(), InputFormat.NETWORK_TOOLKIT_COLUMNS.size()),
                        header);
            }
            for (int i = 0; i < InputFormat.NETWORK_TOOLKIT_COLUMNS.size(); i++) {
                columns.put(InputFormat.NETWORK_TOOLKIT_COLUMNS.get(i), i);
            }
        }
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = actual.requiredColumns().stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            reader.close();
            throw new MissingColumnsException(actual, missing, header);
        }
        return new PostReader(reader, new CsvRows(csv, columns, header.size()), actual, budget);
    }

    /** The format being read; {@code null} only for an empty input whose format was not given. */
    public InputFormat format() {
        return format;
    }

    /** Counts and first errors so far; complete once {@link #hasNext()} has returned {@code false}. */
    public InputReport report() {
        return new InputReport(format, rowsRead, posts, errors, firstErrors);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Post next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Post p = next;
        next = null;
        posts++;
        return p;
    }

    @Override
    public void close() throws IOException {
        try {
            resource.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private Post advance() {
        while (!ended) {
            Row row;
            try {
                row = rows.next();
            } catch (RowException e) {
                rowsRead++;
                error(e.line, e.getMessage());
                continue;
            } catch (CsvParser.MalformedRecordException e) {
                rowsRead++;
                ended = true;
                error(e.line, e.getMessage() + "; the rest of the input was consumed by it");
                break;
            }
            if (row == null) {
                ended = true;
                break;
            }
            rowsRead++;
            try {
                if (format == InputFormat.MULTI_PLATFORM) {
                    Post done = addMultiPlatformRow(row);
                    if (done != null) {
                        return done;
                    }
                } else {
                    return toPost(row);
                }
            } catch (RowException e) {
                error(row.line(), e.getMessage());
            } catch (IllegalArgumentException e) {
                error(row.line(), e.getMessage());
            }
        }
        if (pending != null) {
            Post last = pending.build();
            pending = null;
            return last;
        }
        return null;
    }

    private void error(long line, String reason) {
        errors++;
        RowError error = new RowError(line, reason);
        if (firstErrors.size() < KEPT_ERRORS) {
            firstErrors.add(error);
        }
        if (!budget.allows(errors, rowsRead)) {
            ended = true;
            throw new TooManyRowErrorsException(errors, rowsRead, budget,
                    firstErrors.subList(0, Math.min(10, firstErrors.size())));
        }
    }

    private Post toPost(Row r) {
        return switch (format) {
            case VIGIE_CSV, VIGIE_JSONL -> new Post(r.required("post_id"), r.required("account_id"),
                    r.get("account_name"), r.get("platform"), Timestamps.parse(r.required("timestamp")),
                    r.get("text"), r.list("urls"), r.list("domains"), r.list("hashtags"), r.list("mentions"),
                    r.get("repost_of"), r.get("reply_to"), r.list("image_hash"), r.get("lang"));
            case COORTWEET -> new Post(r.required("content_id"), r.required("account_id"), null, null,
                    Timestamps.parse(r.required("timestamp_share")), null, null, null, null, null,
                    r.required("object_id"), null, null, null);
            case NETWORK_TOOLKIT -> {
                String text = r.get("message");
                yield new Post(r.required("message_id"), r.required("user_id"), r.get("username"), null,
                        Timestamps.parse(r.required("timestamp")), text, r.list("urls"), null,
                        extract(HASHTAG, text), extract(MENTION, text), r.get("repost_id"), r.get("reply_id"),
                        null, null);
            }
            case MULTI_PLATFORM -> throw new IllegalStateException("grouped elsewhere");
        };
    }

    private Post addMultiPlatformRow(Row r) {
        String account = r.required("account_id");
        String post = r.required("post_id");
        long time = Timestamps.parse(r.required("timestamp"));
        Post done = null;
        if (pending != null && !(pending.postId.equals(post) && pending.accountId.equals(account))) {
            done = pending.build();
            pending = null;
        }
        if (pending == null) {
            pending = new PostBuilder(post, account, time);
        }
        add(pending.urls, r.get("url_id"));
        add(pending.hashtags, r.get("hashtag_id"));
        add(pending.domains, r.get("domain_id"));
        add(pending.images, r.get("phash_id"));
        return done;
    }

    private static void add(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    private static List<String> extract(Pattern pattern, String text) {
        if (text == null) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static String platformOf(String accountId) {
        int underscore = accountId.indexOf('_');
        if (underscore < 0) {
            return null;
        }
        return switch (accountId.substring(0, underscore)) {
            case "fb" -> "facebook";
            case "tw" -> "twitter";
            case "ig" -> "instagram";
            case "yt" -> "youtube";
            case "tg" -> "telegram";
            default -> null;
        };
    }

    private static final class PostBuilder {
        final String postId;
        final String accountId;
        final long epochSecond;
        final Set<String> urls = new LinkedHashSet<>();
        final Set<String> hashtags = new LinkedHashSet<>();
        final Set<String> domains = new LinkedHashSet<>();
        final Set<String> images = new LinkedHashSet<>();

        PostBuilder(String postId, String accountId, long epochSecond) {
            this.postId = postId;
            this.accountId = accountId;
            this.epochSecond = epochSecond;
        }

        Post build() {
            return new Post(postId, accountId, null, platformOf(accountId), epochSecond, null, List.copyOf(urls),
                    List.copyOf(domains), List.copyOf(hashtags), null, null, null, List.copyOf(images), null);
        }
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static int firstNonBlank(BufferedReader reader) throws IOException {
        reader.mark(64 * 1024);
        int c;
        int n = 0;
        do {
            c = reader.read();
            n++;
        } while (c >= 0 && Character.isWhitespace(c) && n < 64 * 1024 - 1);
        reader.reset();
        return c;
    }

    static List<String> splitOnWhiteSpace(String v) {
        List<String> parts = new ArrayList<>(4);
        int n = v.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(v.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(v.charAt(i))) {
                i++;
            }
            if (i > start) {
                parts.add(v.substring(start, i));
            }
        }
        return parts;
    }

    private static boolean isBlank(List<String> record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    /** A bad row: its line and the reason. */
    private static final class RowException extends RuntimeException {
        final long line;

        RowException(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private interface RowSource {
        Row next();
    }

    private abstract static class Row {
        abstract long line();

        /** The value, trimmed, or {@code null} when absent or empty. */
        abstract String get(String name);

        List<String> list(String name) {
            String v = get(name);
            if (v == null) {
                return List.of();
            }
            return splitOnWhiteSpace(v);
        }

        String required(String name) {
            String v = get(name);
            if (v == null) {
                throw new RowException(line(), "empty " + name);
            }
            return v;
        }
    }

    private static final class CsvRows implements RowSource {
        private final CsvParser csv;
        private final Map<String, Integer> columns;
        private final int width;

        CsvRows(CsvParser csv, Map<String, Integer> columns, int width) {
            this.csv = csv;
            this.columns = columns;
            this.width = width;
        }

        @Override
        public Row next() {
            List<String> record = csv.next();
            while (record != null && isBlank(record)) {
                record = csv.next();
            }
            if (record == null) {
                return null;
            }
            long line = csv.recordLine();
            if (record.size() != width) {
                throw new RowException(line, "expected " + width + " fields, found " + record.size());
            }
            List<String> values = record;
            return new Row() {
                @Override
                long line() {
                    return line;
                }

                @Override
                String get(String name) {
                    Integer i = columns.get(name);
                    if (i == null) {
                        return null;
                    }
                    String v = values.get(i).trim();
                    return v.isEmpty() ? null : v;
                }
            };
        }
    }

    private static final class JsonLines implements RowSource {
        private final BufferedReader reader;
        private long line;

        JsonLines(BufferedReader reader) {
            this.reader = reader;
        }

        @Override
        public Row next() {
            String text;
            try {
                do {
                    text = reader.readLine();
                    line++;
                } while (text != null && text.isBlank());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (text == null) {
                return null;
            }
            long at = line;
            Map<String, Object> fields = parse(text, at);
            return new Row() {
                @Override
                long line() {
                    return at;
                }

                @Override
                String get(String name) {
                    Object v = fields.get(name);
                    if (v instanceof List<?> list) {
                        return list.isEmpty() ? null : String.join(" ", list.stream().map(String::valueOf).toList());
                    }
                    if (v == null) {
                        return null;
                    }
                    String s = ((String) v).trim();
                    return s.isEmpty() ? null : s;
                }

                @Override
                String required(String name) {
                    if (!fields.containsKey(name)) {
                        throw new RowException(at, "missing field " + name);
                    }
                    return super.required(name);
                }

                @Override
                List<String> list(String name) {
                    Object v = fields.get(name);
                    if (v instanceof List<?> list) {
                        return list.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty())
                                .toList();
                    }
                    return super.list(name);
                }
            };
        }

        private static Map<String, Object> parse(String text, long line) {
            Map<String, Object> fields = new HashMap<>();
            try (JsonParser p = JSON.createParser(text)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new RowException(line, "not a JSON object");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName().toLowerCase(Locale.ROOT);
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.START_ARRAY) {
                        List<String> items = new ArrayList<>();
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                                items.add(p.getText());
                            } else if (t.isStructStart()) {
                                p.skipChildren();
                            }
                        }
                        fields.put(name, items);
                    } else if (t.isStructStart()) {
                        p.skipChildren();
                    } else {
                        fields.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
                    }
                }
                if (p.nextToken() != null) {
                    throw new RowException(line, "text after the JSON object");
                }
            } catch (JsonProcessingException e) {
                throw new RowException(line, "invalid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return fields;
        }
    }
}
