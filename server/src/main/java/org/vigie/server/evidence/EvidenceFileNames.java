package org.vigie.server.evidence;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * File names as people gave them, made safe to list and to download under: no directories, no
 * control or bidirectional-override characters (which disguise {@code invoice<U+202E>fdp.exe}
 * as {@code invoiceexe.pdf}), a bounded length, and an extension that fits the type found in the content —
 * a text file named {@code invoice.hta} downloads as {@code invoice.hta.txt}, so that opening it never
 * runs it.
 */
final class EvidenceFileNames {

    static final int MAX_LENGTH = 200;
    static final String DEFAULT = "evidence";

    private EvidenceFileNames() {
    }

    /** The name without path, controls or direction overrides, trimmed and at most {@link #MAX_LENGTH} characters. */
    static String clean(String raw) {
        if (raw == null) {
            return DEFAULT;
        }
        String name = raw;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && !isFormatting(c)).forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1); // ".", "..", and hidden files
        }
        if (name.isBlank()) {
            return DEFAULT;
        }
        if (name.length() > MAX_LENGTH) {
            String extension = extension(name);
            int keep = MAX_LENGTH - (extension.isEmpty() ? 0 : extension.length() + 1);
            name = name.substring(0, Character.isHighSurrogate(name.charAt(keep - 1)) ? keep - 1 : keep)
                    + (extension.isEmpty() ? "" : "." + extension);
        }
        return name;
    }

    /** Bidirectional controls, zero-width characters and other invisible formatting. */
    private static boolean isFormatting(int c) {
        return Character.getType(c) == Character.FORMAT || c == 0xFFFD;
    }

    /** The name, with the canonical extension of the type appended when its own does not fit the type. */
    static String forType(String name, String mediaType) {
        List<String> fitting = EvidenceTypes.EXTENSIONS.get(mediaType);
        if (fitting == null) {
            return name;
        }
        String extension = extension(name).toLowerCase(Locale.ROOT);
        return fitting.contains(extension) ? name : name + "." + fitting.get(0);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 || name.length() - dot > 12 ? "" : name.substring(dot + 1);
    }

    /**
     * {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 8187):
     * every browser takes the UTF-8 name, older clients the ASCII one.
     */
    static String contentDisposition(String name) {
        StringBuilder fallback = new StringBuilder();
        name.codePoints().forEach(c -> fallback.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
