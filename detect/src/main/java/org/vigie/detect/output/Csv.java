package org.vigie.detect.output;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** RFC 4180 CSV: fields with a comma, a quote, CR or LF are quoted and their quotes doubled; lines end in CRLF. */
final class Csv {
    private final Writer out;
    private boolean first = true;

    Csv(Writer out) {
        this.out = out;
    }

    Csv field(String value) throws IOException {
        separator();
        if (value != null) {
            out.write(escape(value));
        }
        return this;
    }

    Csv field(long value) throws IOException {
        separator();
        out.write(Long.toString(value));
        return this;
    }

    Csv field(double value) throws IOException {
        separator();
        out.write(number(value));
        return this;
    }

    void endRow() throws IOException {
        out.write("\r\n");
        first = true;
    }

    Csv row(String... values) throws IOException {
        for (String v : values) {
            field(v);
        }
        endRow();
        return this;
    }

    private void separator() throws IOException {
        if (!first) {
            out.write(',');
        }
        first = false;
    }

    static String escape(String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Whole numbers without a decimal point, others with up to 6 significant decimals, always with a dot. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6f", v);
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, end);
    }
}
