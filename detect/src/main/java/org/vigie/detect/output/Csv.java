package org.vigie.detect.output;

import java.io.IOException;
import java.io.Writer;

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

    /**
     * Whole numbers without a decimal point, others rounded to 6 decimals without trailing zeros, always with a
     * dot and never in exponent notation. Hand-made because {@code String.format} costs microseconds a call and
     * an edges file of millions of rows has three such numbers a row.
     */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) >= 1e12) {
            return new java.math.BigDecimal(v).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString();
        }
        long scaled = Math.round(Math.abs(v) * 1e6);
        long whole = scaled / 1_000_000;
        long fraction = scaled % 1_000_000;
        StringBuilder b = new StringBuilder(24);
        if (v < 0 && scaled != 0) {
            b.append('-');
        }
        b.append(whole);
        if (fraction != 0) {
            String digits = Long.toString(1_000_000 + fraction).substring(1); // 6 digits, leading zeros kept
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            b.append('.').append(digits, 0, end);
        }
        return b.toString();
    }
}
