package org.vigie.detect.input;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small streaming RFC 4180 parser: comma-separated fields, fields in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}). Records end at CRLF, LF or CR. Lenient where real exports
 * are: a quote inside an unquoted field is kept as a character. One record is in memory at a time.
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

    private final Reader in;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int len;
    private long line = 1;
    private long recordLine;
    private final StringBuilder field = new StringBuilder();
    private int lastWidth = 16;

    CsvParser(Reader in) {
        this.in = in;
    }

    /** The line on which the last record returned by {@link #next()} started. */
    long recordLine() {
        return recordLine;
    }

    /** The next record, or {@code null} at the end of the input. */
    List<String> next() {
        int c = read();
        if (c < 0) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>(lastWidth); // records have the header's width: no regrowth
        field.setLength(0);
        boolean quoted = false;
        boolean fieldStarted = false;
        while (true) {
            if (c < 0) {
                fields.add(field.toString());
                lastWidth = Math.max(lastWidth, fields.size());
                return fields;
            }
            if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
                readQuoted();
                c = read();
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quoted = false;
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                fields.add(field.toString());
                lastWidth = Math.max(lastWidth, fields.size());
                return fields;
            } else {
                if (quoted) {
                    // text after the closing quote: keep it, as lenient parsers do
                    quoted = false;
                }
                field.append((char) c);
                fieldStarted = true;
                appendPlainRun();
            }
            c = read();
        }
    }

    /**
     * Appends the characters that follow in the buffer up to the next comma, line break or quote, in one copy: most
     * fields are plain text, and a call and a check per character was most of the parser's time.
     */
    private void appendPlainRun() {
        int end = pos;
        while (end < len) {
            char ch = buf[end];
            if (ch == ',' || ch == '\n' || ch == '\r' || ch == '"') {
                break;
            }
            end++;
        }
        field.append(buf, pos, end - pos);
        pos = end;
    }

    private void readQuoted() {
        long start = line;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new MalformedRecordException(recordLine,
                        "quoted field opened on line " + start + " is never closed");
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    field.append('"');
                } else {
                    return;
                }
            } else {
                if (c == '\n' || (c == '\r' && peek() != '\n')) {
                    line++;
                }
                field.append((char) c);
            }
        }
    }

    private int read() {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos++];
    }

    private int peek() {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private boolean fill() {
        try {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                return false;
            }
            pos = 0;
            len = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
