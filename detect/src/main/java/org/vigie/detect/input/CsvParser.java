package org.vigie.detect.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vigie.detect.network.IdInterner;

/**
 * A streaming RFC 4180 parser over UTF-8 bytes: comma-separated fields, fields in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}). Records end at CRLF, LF or CR. Lenient where real exports are: a
 * quote inside an unquoted field is kept as a character, and so is text after a closing quote.
 *
 * <p>A record is parsed in place in the input buffer: its fields are spans of bytes there (unescaped in place
 * when quoted), read with {@link #string}, {@link #isEmpty} and friends until the next call to {@link #next()}.
 * Only the fields a caller asks for become strings, and the bytes are decoded once, straight into each string:
 * reading through a {@code Reader} decoded every character, copied it into a field buffer and then into a string
 * for every field, empty or not, which was most of the reading thread's time on millions of posts. The buffer
 * grows to hold the longest record; one record is in memory at a time.
 */
final class CsvParser {

    /** A record that cannot be parsed, e.g. a quoted field that never closes. */
    static final class MalformedRecordException extends RuntimeException {
        final long line;

        MalformedRecordException(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static final int DEFAULT_BUFFER = 256 * 1024;

    private final InputStream in;
    private byte[] buf;
    /** The first byte not parsed yet, and the end of the bytes read. */
    private int pos;
    private int len;
    private boolean eof;
    /** A record ended with CR at the end of the buffer: a LF that follows belongs to it. */
    private boolean skipLineFeed;
    /** Where the current record starts in the buffer; its fields' spans are relative to it. */
    private int recordStart;
    private long line = 1;
    private long recordLine;
    private int fields;
    private int[] starts = new int[32];
    private int[] ends = new int[32];

    CsvParser(InputStream in) {
        this(in, DEFAULT_BUFFER);
    }

    /** With a given initial buffer size, for tests of records that straddle buffers. */
    CsvParser(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[Math.max(4, bufferSize)];
    }

    /** The line on which the last record returned by {@link #next()} started. */
    long recordLine() {
        return recordLine;
    }

    /** The number of fields of the current record. */
    int fieldCount() {
        return fields;
    }

    /** Parses the next record; {@code false} at the end of the input. */
    boolean next() {
        if (skipLineFeed) {
            skipLineFeed = false;
            if (available() && buf[pos] == '\n') {
                pos++;
            }
        }
        fields = 0;
        if (!available()) {
            return false;
        }
        recordLine = line;
        recordStart = pos;
        // positions below are relative to the record's start, which refill() may move (it returns where to)
        int base = recordStart;
        int p = 0;
        while (true) {
            // one field, from p; w is where its next byte goes (behind p once a doubled quote was unescaped)
            int fieldStart = p;
            int w = p;
            boolean started = false;
            while (true) {
                if (base + p == len && (base = refill()) + p == len) { // end of input: the record ends here
                    addField(fieldStart, w);
                    pos = base + p;
                    return true;
                }
                byte b = buf[base + p];
                if (b == ',') {
                    addField(fieldStart, w);
                    p++;
                    break;
                }
                if (b == '\n' || b == '\r') {
                    addField(fieldStart, w);
                    p++;
                    line++;
                    if (b == '\r') {
                        if (base + p < len) {
                            if (buf[base + p] == '\n') {
                                p++;
                            }
                        } else {
                            skipLineFeed = true;
                        }
                    }
                    pos = base + p;
                    return true;
                }
                if (b == '"' && !started) {
                    started = true;
                    long opened = line;
                    p++;
                    // the quoted part: copied down to w, "" becomes "
                    while (true) {
                        if (base + p == len && (base = refill()) + p == len) {
                            pos = base + p;
                            throw new MalformedRecordException(recordLine,
                                    "quoted field opened on line " + opened + " is never closed");
                        }
                        byte q = buf[base + p];
                        if ((q == '"' || q == '\r') && base + p + 1 == len) {
                            base = refill(); // the next byte decides: a doubled quote, CRLF
                        }
                        boolean more = base + p + 1 < len;
                        if (q == '"') {
                            if (more && buf[base + p + 1] == '"') {
                                buf[base + w++] = '"';
                                p += 2;
                                continue;
                            }
                            p++;
                            break;
                        }
                        if (q == '\n' || q == '\r' && !(more && buf[base + p + 1] == '\n')) {
                            line++;
                        }
                        buf[base + w++] = q;
                        p++;
                    }
                    continue;
                }
                started = true;
                // a plain run up to the next delimiter or quote, in one pass
                int from = base + p;
                int end = from + 1;
                while (end < len) {
                    byte c = buf[end];
                    if (c == ',' || c == '\n' || c == '\r' || c == '"') {
                        break;
                    }
                    end++;
                }
                if (w != p) {
                    System.arraycopy(buf, from, buf, base + w, end - from);
                }
                w += end - from;
                p = end - base;
            }
        }
    }

    /** The field's bytes, trimmed of characters up to U+0020 (as {@link String#trim()}), as a string; null if none. */
    String string(int field) {
        int s = trimmedStart(field);
        int e = trimmedEnd(field, s);
        return s == e ? null : new String(buf, s, e - s, StandardCharsets.UTF_8);
    }

    /** Whether the field is empty once trimmed. */
    boolean isEmpty(int field) {
        int s = trimmedStart(field);
        return s == trimmedEnd(field, s);
    }

    /** The field's raw (untrimmed) text, for headers and messages. */
    String raw(int field) {
        return new String(buf, recordStart + starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }

    /** Every field of the current record, raw. */
    List<String> record() {
        List<String> all = new ArrayList<>(fields);
        for (int i = 0; i < fields; i++) {
            all.add(raw(i));
        }
        return all;
    }

    /**
     * The field trimmed and split on white space (as {@link Character#isWhitespace}), as strings; an empty list for
     * an empty field. ASCII fields are split on their bytes, others through a decoded string.
     */
    List<String> words(int field) {
        int s = trimmedStart(field);
        int e = trimmedEnd(field, s);
        if (s == e) {
            return List.of();
        }
        String[] words = null;
        int count = 0;
        int i = s;
        while (i < e) {
            byte b = buf[i];
            if (b < 0) { // non-ASCII: a Unicode space may separate words
                return PostReader.splitOnWhiteSpace(new String(buf, s, e - s, StandardCharsets.UTF_8));
            }
            if (isAsciiWhitespace(b)) {
                i++;
                continue;
            }
            int from = i;
            while (i < e && buf[i] >= 0 && !isAsciiWhitespace(buf[i])) {
                i++;
            }
            if (i < e && buf[i] < 0) {
                return PostReader.splitOnWhiteSpace(new String(buf, s, e - s, StandardCharsets.UTF_8));
            }
            if (words == null) {
                words = new String[4];
            } else if (count == words.length) {
                words = Arrays.copyOf(words, count * 2);
            }
            words[count++] = new String(buf, from, i - from, StandardCharsets.ISO_8859_1);
        }
        return switch (count) {
            case 0 -> List.of();
            case 1 -> List.of(words[0]);
            case 2 -> List.of(words[0], words[1]);
            default -> List.of(Arrays.copyOf(words, count));
        };
    }

    /** Whether the trimmed field holds exactly the ASCII characters of {@code value}. */
    boolean equalsAscii(int field, String value) {
        int s = trimmedStart(field);
        int e = trimmedEnd(field, s);
        if (e - s != value.length()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (buf[s + i] != (byte) value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The trimmed field interned by {@code ids} from its bytes when it is ASCII (see {@link IdInterner#internAscii}); -1 if not. */
    int internAscii(int field, IdInterner ids) {
        int s = trimmedStart(field);
        int e = trimmedEnd(field, s);
        for (int i = s; i < e; i++) {
            if (buf[i] < 0) {
                return -1;
            }
        }
        return ids.internAscii(buf, s, e - s);
    }

    /** The epoch second of a timestamp field, or {@link Timestamps#NOT_SIMPLE} when not in the common form. */
    long simpleTimestamp(int field) {
        int s = trimmedStart(field);
        int e = trimmedEnd(field, s);
        return Timestamps.parseSimpleIso(buf, s, e - s);
    }

    private static boolean isAsciiWhitespace(byte b) {
        return b == ' ' || b >= 9 && b <= 13 || b >= 28 && b <= 31;
    }

    private int trimmedStart(int field) {
        int s = recordStart + starts[field];
        int e = recordStart + ends[field];
        while (s < e && (buf[s] & 0xff) <= ' ') {
            s++;
        }
        return s;
    }

    private int trimmedEnd(int field, int trimmedStart) {
        int e = recordStart + ends[field];
        while (e > trimmedStart && (buf[e - 1] & 0xff) <= ' ') {
            e--;
        }
        return e;
    }

    private void addField(int start, int end) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = end;
        fields++;
    }

    private boolean available() {
        if (pos < len) {
            return true;
        }
        recordStart = pos;
        pos = refill();
        return pos < len;
    }

    /**
     * Reads more input, keeping the bytes of the record being parsed (from {@link #recordStart}): they move to the
     * start of the buffer, which doubles when they fill it. Returns where the record now starts. Nothing is read once
     * the input has ended.
     */
    private int refill() {
        if (eof) {
            return recordStart;
        }
        int kept = len - recordStart;
        if (recordStart > 0) {
            System.arraycopy(buf, recordStart, buf, 0, kept);
        } else if (kept == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        recordStart = 0;
        len = kept;
        try {
            while (len < buf.length) { // fill it: a decompressing stream gives a few kilobytes a call
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    eof = true;
                    break;
                }
                len += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
