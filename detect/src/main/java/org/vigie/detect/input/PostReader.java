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
import java.io.PushbackInputStream;
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
import org.vigie.detect.network.IdInterner;

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
    /** Bytes looked at (and pushed back) to recognise JSON lines: blank lines before the first object. */
    private static final int LOOK_AHEAD = 64 * 1024;

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
    private IdInterner accountNumbers;
    private int nextAccount = -1;
    private int lastAccount = -1;

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
        // the bytes looked at to recognise the format are pushed back; the CSV parser then reads straight through
        PushbackInputStream bytes = new PushbackInputStream(data, LOOK_AHEAD);
        skipByteOrderMark(bytes);
        InputFormat actual = format;
        if (actual == null && firstNonBlank(bytes) == '{') {
            actual = InputFormat.VIGIE_JSONL;
        }
        if (actual == InputFormat.VIGIE_JSONL) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8), 64 * 1024);
            return new PostReader(reader, new JsonLines(reader), actual, budget);
        }
        CsvParser csv = new CsvParser(bytes);
        boolean hasHeader = csv.next();
        while (hasHeader && isBlank(csv)) {
            hasHeader = csv.next();
        }
        if (!hasHeader) { // empty input: nothing to read, whatever the format
            return new PostReader(bytes, () -> null, actual, budget);
        }
        List<String> header = csv.record();
        if (actual == null) {
            actual = InputFormat.detect(header);
            if (actual == null) {
                bytes.close();
                throw new PostInputException("cannot recognise the input format from its header ("
                        + String.join(", ", header) + "); give it with --format");
            }
        }
        Map<String, Integer> columns = new HashMap<>();
        if (actual == InputFormat.NETWORK_TOOLKIT) {
            // the toolkit reads its CSV by position and ignores the header's names
            if (header.size() < InputFormat.NETWORK_TOOLKIT_COLUMNS.size()) {
                bytes.close();
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
            bytes.close();
            throw new MissingColumnsException(actual, missing, header);
        }
        return new PostReader(bytes, new CsvRows(csv, columns, header.size()), actual, budget);
    }

    /**
     * Numbers each post's account with {@code ids}, in order of first appearance, as the posts are read; {@link
     * #accountNumber()} then gives the number of the post {@link #next()} returned last. A CSV account id is looked
     * up from the bytes read, with no string made for an account seen before. Call before reading.
     */
    public void numberAccounts(IdInterner ids) {
        if (posts > 0 || next != null) {
            throw new IllegalStateException("accounts are numbered from the first post on");
        }
        accountNumbers = ids;
        rows.numberAccounts(ids);
    }

    /** The number of the last post's account (see {@link #numberAccounts}), -1 when accounts are not numbered. */
    public int accountNumber() {
        return lastAccount;
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
            nextAccount = -1;
            next = advance();
            if (next != null && accountNumbers != null && nextAccount < 0) {
                nextAccount = accountNumbers.intern(next.accountId());
            }
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
        lastAccount = nextAccount;
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
                    Post post = toPost(row);
                    nextAccount = row.accountNumber();
                    return post;
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

    /** The row's post; its account is numbered (when accounts are) only once every other value was read well. */
    private Post toPost(Row r) {
        return switch (format) {
            case VIGIE_CSV, VIGIE_JSONL -> {
                String postId = r.required(Field.POST_ID);
                r.required(Field.ACCOUNT_ID);
                String accountName = r.get(Field.ACCOUNT_NAME);
                String platform = r.small(Field.PLATFORM);
                long time = r.timestamp(Field.TIMESTAMP);
                yield new Post(postId, r.account(Field.ACCOUNT_ID), accountName, platform, time, r.get(Field.TEXT),
                        r.list(Field.URLS), r.list(Field.DOMAINS), r.list(Field.HASHTAGS), r.list(Field.MENTIONS),
                        r.get(Field.REPOST_OF), r.get(Field.REPLY_TO), r.list(Field.IMAGE_HASH), r.small(Field.LANG));
            }
            case COORTWEET -> {
                String contentId = r.required(Field.CONTENT_ID);
                r.required(Field.ACCOUNT_ID);
                long time = r.timestamp(Field.TIMESTAMP_SHARE);
                String object = r.required(Field.OBJECT_ID);
                yield new Post(contentId, r.account(Field.ACCOUNT_ID), null, null, time, null, null, null, null, null,
                        object, null, null, null);
            }
            case NETWORK_TOOLKIT -> {
                String messageId = r.required(Field.MESSAGE_ID);
                r.required(Field.USER_ID);
                String username = r.get(Field.USERNAME);
                long time = r.timestamp(Field.TIMESTAMP);
                String text = r.get(Field.MESSAGE);
                yield new Post(messageId, r.account(Field.USER_ID), username, null, time, text, r.list(Field.URLS),
                        null, extract(HASHTAG, text), extract(MENTION, text), r.get(Field.REPOST_ID),
                        r.get(Field.REPLY_ID), null, null);
            }
            case MULTI_PLATFORM -> throw new IllegalStateException("grouped elsewhere");
        };
    }

    private Post addMultiPlatformRow(Row r) {
        String account = r.required(Field.ACCOUNT_ID);
        String post = r.required(Field.POST_ID);
        long time = r.timestamp(Field.TIMESTAMP);
        Post done = null;
        if (pending != null && !(pending.postId.equals(post) && pending.accountId.equals(account))) {
            done = pending.build();
            pending = null;
        }
        if (pending == null) {
            pending = new PostBuilder(post, account, time);
        }
        add(pending.urls, r.get(Field.URL_ID));
        add(pending.hashtags, r.get(Field.HASHTAG_ID));
        add(pending.domains, r.get(Field.DOMAIN_ID));
        add(pending.images, r.get(Field.PHASH_ID));
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

    private static void skipByteOrderMark(PushbackInputStream in) throws IOException {
        byte[] mark = new byte[3];
        int n = in.readNBytes(mark, 0, 3);
        if (n == 3 && (mark[0] & 0xff) == 0xEF && (mark[1] & 0xff) == 0xBB && (mark[2] & 0xff) == 0xBF) {
            return;
        }
        in.unread(mark, 0, n);
    }

    /** The first byte that is not ASCII white space, within {@link #LOOK_AHEAD} bytes; every byte is pushed back. */
    private static int firstNonBlank(PushbackInputStream in) throws IOException {
        byte[] ahead = new byte[LOOK_AHEAD];
        int n = 0;
        int found = -1;
        while (n < LOOK_AHEAD) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            ahead[n++] = (byte) b;
            if (!Character.isWhitespace(b)) {
                found = b;
                break;
            }
        }
        in.unread(ahead, 0, n);
        return found;
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

    private static boolean isBlank(CsvParser csv) {
        return csv.fieldCount() == 1 && csv.isEmpty(0);
    }

    /** The columns and JSON fields the formats read, by their lower-case names. */
    private enum Field {
        POST_ID, ACCOUNT_ID, ACCOUNT_NAME, PLATFORM, TIMESTAMP, TEXT, URLS, DOMAINS, HASHTAGS, MENTIONS, REPOST_OF,
        REPLY_TO, IMAGE_HASH, LANG, OBJECT_ID, CONTENT_ID, TIMESTAMP_SHARE, MESSAGE_ID, USER_ID, USERNAME, REPOST_ID,
        REPLY_ID, MESSAGE, URL_ID, HASHTAG_ID, DOMAIN_ID, PHASH_ID;

        private final String key = name().toLowerCase(Locale.ROOT);

        String key() {
            return key;
        }
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

        /** Rows that can number accounts from their bytes do so from now on ({@link Row#account}). */
        default void numberAccounts(IdInterner ids) {
        }
    }

    private abstract static class Row {
        abstract long line();

        /** The value, trimmed, or {@code null} when absent or empty. */
        abstract String get(Field field);

        List<String> list(Field field) {
            String v = get(field);
            if (v == null) {
                return List.of();
            }
            return splitOnWhiteSpace(v);
        }

        String required(Field field) {
            String v = get(field);
            if (v == null) {
                throw new RowException(line(), "empty " + field.key());
            }
            return v;
        }

        long timestamp(Field field) {
            return Timestamps.parse(required(field));
        }

        /** A value from a small set (a platform, a language); the same string may be returned for each row. */
        String small(Field field) {
            return get(field);
        }

        /** A required account id, numbered when the rows number accounts ({@link #accountNumber()}). */
        String account(Field field) {
            return required(field);
        }

        /** The number {@link #account} gave the row's account, -1 when it numbered none. */
        int accountNumber() {
            return -1;
        }
    }

    /** The rows of a CSV: one row object, refreshed by each {@link #next()}, reading the parser's current record. */
    private static final class CsvRows extends Row implements RowSource {
        private static final int SMALL_VALUES = 16;

        private final CsvParser csv;
        /** The column of each field, -1 when the header has none. */
        private final int[] columns;
        private final int width;
        private final String[][] smallValues = new String[Field.values().length][];
        private long line;
        private IdInterner accountNumbers;
        private int accountNumber = -1;

        CsvRows(CsvParser csv, Map<String, Integer> byName, int width) {
            this.csv = csv;
            this.width = width;
            columns = new int[Field.values().length];
            for (Field f : Field.values()) {
                columns[f.ordinal()] = byName.getOrDefault(f.key(), -1);
            }
        }

        @Override
        public Row next() {
            boolean has = csv.next();
            while (has && isBlank(csv)) {
                has = csv.next();
            }
            if (!has) {
                return null;
            }
            line = csv.recordLine();
            accountNumber = -1;
            if (csv.fieldCount() != width) {
                throw new RowException(line, "expected " + width + " fields, found " + csv.fieldCount());
            }
            return this;
        }

        @Override
        long line() {
            return line;
        }

        @Override
        public void numberAccounts(IdInterner ids) {
            accountNumbers = ids;
        }

        @Override
        String account(Field field) {
            if (accountNumbers == null) {
                return required(field);
            }
            int c = columns[field.ordinal()];
            if (c < 0 || csv.isEmpty(c)) {
                throw new RowException(line, "empty " + field.key());
            }
            int id = csv.internAscii(c, accountNumbers);
            if (id < 0) {
                id = accountNumbers.intern(csv.string(c));
            }
            accountNumber = id;
            return accountNumbers.name(id);
        }

        @Override
        int accountNumber() {
            return accountNumber;
        }

        @Override
        String get(Field field) {
            int c = columns[field.ordinal()];
            return c < 0 ? null : csv.string(c);
        }

        @Override
        List<String> list(Field field) {
            int c = columns[field.ordinal()];
            return c < 0 ? List.of() : csv.words(c);
        }

        @Override
        String required(Field field) {
            int c = columns[field.ordinal()];
            if (c < 0 || csv.isEmpty(c)) {
                throw new RowException(line, "empty " + field.key());
            }
            return csv.string(c);
        }

        @Override
        long timestamp(Field field) {
            int c = columns[field.ordinal()];
            if (c >= 0) {
                long t = csv.simpleTimestamp(c);
                if (t != Timestamps.NOT_SIMPLE) {
                    return t;
                }
            }
            return super.timestamp(field);
        }

        @Override
        String small(Field field) {
            int c = columns[field.ordinal()];
            if (c < 0 || csv.isEmpty(c)) {
                return null;
            }
            String[] known = smallValues[field.ordinal()];
            if (known == null) {
                known = new String[SMALL_VALUES];
                smallValues[field.ordinal()] = known;
            }
            for (int i = 0; i < known.length && known[i] != null; i++) {
                if (csv.equalsAscii(c, known[i])) {
                    return known[i];
                }
            }
            String value = csv.string(c);
            for (int i = 0; i < known.length; i++) {
                if (known[i] == null) {
                    if (value.chars().allMatch(ch -> ch < 128)) { // compared byte for byte: ASCII values only
                        known[i] = value;
                    }
                    break;
                }
            }
            return value;
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
                String get(Field field) {
                    Object v = fields.get(field.key());
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
                String required(Field field) {
                    if (!fields.containsKey(field.key())) {
                        throw new RowException(at, "missing field " + field.key());
                    }
                    return super.required(field);
                }

                @Override
                List<String> list(Field field) {
                    Object v = fields.get(field.key());
                    if (v instanceof List<?> list) {
                        return list.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty())
                                .toList();
                    }
                    return super.list(field);
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
