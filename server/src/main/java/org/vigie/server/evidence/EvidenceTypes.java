package org.vigie.server.evidence;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file is, from its first bytes, against the allow-list of evidence types. The client's
 * declared type and the file's name are never trusted: a stored file's type is the one found here.
 *
 * <p>Accepted: images (PNG, JPEG, GIF, WebP, HEIC/AVIF), PDF, archives (ZIP — also .docx, .xlsx, .odt —,
 * GZIP, 7z), video (MP4/MOV and other ISO media, WebM/MKV), audio (MP3, Ogg — voice messages —, WAV),
 * e-mail (.eml) and text (UTF-8, UTF-16 with a byte order mark, or an 8-bit encoding such as
 * Windows-1252: no control characters but tab, line breaks, form feed and escape in the first 8 KiB).
 * Text is stored as {@code text/plain} whatever it holds (HTML and SVG included: they are text to read,
 * never pages), except JSON and e-mail, which are recognised.
 *
 * <p>Refused: programs and scripts (Windows {@code MZ}, ELF, Mach-O, Java classes, Android DEX,
 * WebAssembly, Windows shortcuts, {@code #!} scripts), legacy Office and Outlook files (OLE compound files,
 * which carry macros), and any binary data not recognised. Samples of such files are shared the usual way,
 * inside a ZIP archive.
 */
final class EvidenceTypes {

    /** How much of the start of a file the text test reads. */
    static final int TEXT_WINDOW = 8 * 1024;

    static final String TEXT = "text/plain";

    /** The accepted kinds, as the refusal names them. */
    static final List<String> ACCEPTED = List.of("PNG", "JPEG", "GIF", "WebP", "HEIC/AVIF", "PDF",
            "ZIP (also .docx, .xlsx, .odt)", "GZIP", "7z", "MP4/MOV", "WebM/MKV", "MP3", "Ogg", "WAV",
            "e-mail (.eml)", "text (.txt, .csv, .json, …)");

    /** File name extensions that fit each stored type; the first is the one a misnamed file gets. */
    static final Map<String, List<String>> EXTENSIONS = Map.ofEntries(
            Map.entry("image/png", List.of("png")),
            Map.entry("image/jpeg", List.of("jpg", "jpeg", "jfif", "jpe")),
            Map.entry("image/gif", List.of("gif")),
            Map.entry("image/webp", List.of("webp")),
            Map.entry("image/heic", List.of("heic", "heif")),
            Map.entry("image/avif", List.of("avif")),
            Map.entry("application/pdf", List.of("pdf")),
            Map.entry("application/zip", List.of("zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "odg", "epub", "kmz")),
            Map.entry("application/gzip", List.of("gz", "tgz")),
            Map.entry("application/x-7z-compressed", List.of("7z")),
            Map.entry("video/mp4", List.of("mp4", "m4v")),
            Map.entry("video/quicktime", List.of("mov", "qt")),
            Map.entry("video/3gpp", List.of("3gp", "3g2")),
            Map.entry("audio/mp4", List.of("m4a", "m4b")),
            Map.entry("video/webm", List.of("webm")),
            Map.entry("video/x-matroska", List.of("mkv", "mka", "mk3d")),
            Map.entry("audio/mpeg", List.of("mp3")),
            Map.entry("audio/ogg", List.of("ogg", "oga", "opus")),
            Map.entry("audio/wav", List.of("wav")),
            Map.entry("message/rfc822", List.of("eml")),
            Map.entry("application/json", List.of("json", "geojson", "jsonl", "ndjson")),
            Map.entry(TEXT, List.of("txt", "text", "csv", "tsv", "log", "md")));

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");
    /** An object with a member or empty, or an array of objects, arrays or strings: not a log line such as "[2027-03-01 …". */
    private static final Pattern JSON_START = Pattern.compile("\\{\\s*[\"}]|\\[\\s*[{\\[\"\\]]");
    private static final Pattern HEADER_LINE = Pattern.compile("^[!-9;-~]+:[ \\t]", Pattern.MULTILINE);
    private static final Pattern MAIL_HEADERS = Pattern.compile(
            "^(date|subject|message-id|received|return-path|mime-version|to|delivered-to):[ \\t]",
            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM_HEADER = Pattern.compile("^from:[ \\t]", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

    private EvidenceTypes() {
    }

    /**
     * What the file is.
     *
     * @param mediaType   the type it is stored as; null when refused
     * @param description what was found, as the refusal names it
     */
    record Detected(String mediaType, String description) {

        boolean accepted() {
            return mediaType != null;
        }

        static Detected accepted(String mediaType, String description) {
            return new Detected(mediaType, description);
        }

        static Detected refused(String description) {
            return new Detected(null, description);
        }
    }

    /**
     * @param head      the first bytes of the file
     * @param length    how many of them there are
     * @param truncated whether the file goes on after them (a character may be cut at the end)
     */
    static Detected detect(byte[] head, int length, boolean truncated) {
        Detected binary = binary(head, length);
        if (binary != null) {
            return binary;
        }
        return text(head, Math.min(length, TEXT_WINDOW), truncated || length > TEXT_WINDOW);
    }

    private static Detected binary(byte[] b, int n) {
        if (starts(b, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Detected.accepted("image/png", "PNG image");
        }
        if (starts(b, n, 0xFF, 0xD8, 0xFF)) {
            return Detected.accepted("image/jpeg", "JPEG image");
        }
        if (ascii(b, n, 0, "GIF87a") || ascii(b, n, 0, "GIF89a")) {
            return Detected.accepted("image/gif", "GIF image");
        }
        if (ascii(b, n, 0, "RIFF")) {
            if (ascii(b, n, 8, "WEBP")) {
                return Detected.accepted("image/webp", "WebP image");
            }
            if (ascii(b, n, 8, "WAVE")) {
                return Detected.accepted("audio/wav", "WAV audio");
            }
            return Detected.refused("RIFF container" + (n >= 12 ? " (" + printable(b, 8, 4) + ")" : ""));
        }
        if (ascii(b, n, 0, "%PDF-")) {
            return Detected.accepted("application/pdf", "PDF document");
        }
        if (starts(b, n, 'P', 'K', 3, 4) || starts(b, n, 'P', 'K', 5, 6) || starts(b, n, 'P', 'K', 7, 8)) {
            return Detected.accepted("application/zip", "ZIP archive");
        }
        if (starts(b, n, 0x1F, 0x8B)) {
            return Detected.accepted("application/gzip", "GZIP archive");
        }
        if (starts(b, n, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return Detected.accepted("application/x-7z-compressed", "7z archive");
        }
        if (ascii(b, n, 4, "ftyp") && n >= 12) {
            return isoMedia(printable(b, 8, 4).toLowerCase(Locale.ROOT));
        }
        if (starts(b, n, 0x1A, 0x45, 0xDF, 0xA3)) {
            return contains(b, Math.min(n, 64), "webm")
                    ? Detected.accepted("video/webm", "WebM video")
                    : Detected.accepted("video/x-matroska", "Matroska video");
        }
        if (ascii(b, n, 0, "ID3") || (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0 && (b[1] & 0x06) == 0x02)) {
            return Detected.accepted("audio/mpeg", "MP3 audio");
        }
        if (ascii(b, n, 0, "OggS")) {
            return Detected.accepted("audio/ogg", "Ogg audio");
        }
        // refused, named so that the person knows what was found
        if (ascii(b, n, 0, "MZ")) {
            return Detected.refused("Windows executable (MZ)");
        }
        if (starts(b, n, 0x7F, 'E', 'L', 'F')) {
            return Detected.refused("ELF executable");
        }
        if (starts(b, n, 0xFE, 0xED, 0xFA, 0xCE) || starts(b, n, 0xFE, 0xED, 0xFA, 0xCF)
                || starts(b, n, 0xCE, 0xFA, 0xED, 0xFE) || starts(b, n, 0xCF, 0xFA, 0xED, 0xFE)) {
            return Detected.refused("Mach-O executable");
        }
        if (starts(b, n, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return Detected.refused("Java class or Mach-O universal executable");
        }
        if (ascii(b, n, 0, "dex\n")) {
            return Detected.refused("Android executable (DEX)");
        }
        if (starts(b, n, 0x00, 'a', 's', 'm')) {
            return Detected.refused("WebAssembly module");
        }
        if (starts(b, n, 0x4C, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00)) {
            return Detected.refused("Windows shortcut (.lnk)");
        }
        if (ascii(b, n, 0, "MSCF")) {
            return Detected.refused("Windows cabinet (.cab)");
        }
        if (starts(b, n, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Detected.refused("OLE compound file (legacy Office document or Outlook .msg)");
        }
        if (ascii(b, n, 0, "Rar!")) {
            return Detected.refused("RAR archive");
        }
        if (ascii(b, n, 0, "#!")) {
            return Detected.refused("script (#!)");
        }
        return null;
    }

    private static Detected isoMedia(String brand) {
        if (HEIF_BRANDS.contains(brand)) {
            return Detected.accepted("image/heic", "HEIC image");
        }
        if (brand.startsWith("avi")) {
            return Detected.accepted("image/avif", "AVIF image");
        }
        if (brand.equals("qt  ")) {
            return Detected.accepted("video/quicktime", "QuickTime video");
        }
        if (brand.startsWith("m4a") || brand.startsWith("m4b")) {
            return Detected.accepted("audio/mp4", "MPEG-4 audio");
        }
        if (brand.startsWith("3g")) {
            return Detected.accepted("video/3gpp", "3GPP video");
        }
        return Detected.accepted("video/mp4", "MPEG-4 video");
    }

    private static Detected text(byte[] b, int n, boolean truncated) {
        String decoded;
        String encoding;
        if (starts(b, n, 0xEF, 0xBB, 0xBF)) {
            decoded = decode(b, 3, n - 3, StandardCharsets.UTF_8.newDecoder(), truncated);
            encoding = "UTF-8";
        } else if (starts(b, n, 0xFF, 0xFE) || starts(b, n, 0xFE, 0xFF)) {
            decoded = decode(b, 0, n, StandardCharsets.UTF_16.newDecoder(), truncated);
            encoding = "UTF-16";
        } else {
            decoded = decode(b, 0, n, StandardCharsets.UTF_8.newDecoder(), truncated);
            encoding = "UTF-8";
            if (decoded == null) {
                decoded = new String(b, 0, n, StandardCharsets.ISO_8859_1);
                encoding = "8-bit";
            }
        }
        if (decoded == null) {
            return Detected.refused("binary data not recognised");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0B && c != 0x1A && c != 0x1B) {
                return Detected.refused("binary data not recognised");
            }
        }
        String start = decoded.stripLeading();
        if (start.startsWith("#!")) {
            return Detected.refused("script (#!)");
        }
        if (JSON_START.matcher(start).lookingAt()) {
            return Detected.accepted("application/json", "JSON text");
        }
        if (isMail(decoded)) {
            return Detected.accepted("message/rfc822", "e-mail message");
        }
        return Detected.accepted(TEXT, encoding + " text");
    }

    /** Headers from the first line: a From and at least one other header a message always has. */
    private static boolean isMail(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            end = text.indexOf("\n\n");
        }
        String headers = end < 0 ? text : text.substring(0, end);
        Matcher first = HEADER_LINE.matcher(headers);
        return first.find() && first.start() == 0 && FROM_HEADER.matcher(headers).find() && MAIL_HEADERS.matcher(headers).find();
    }

    /** The bytes as text, or null if they are not valid in that encoding (a character cut at the end of a truncated window is fine). */
    private static String decode(byte[] b, int offset, int length, CharsetDecoder decoder, boolean truncated) {
        decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, offset, Math.max(0, length));
        CharBuffer out = CharBuffer.allocate(Math.max(0, length) + 1);
        CoderResult result = decoder.decode(in, out, !truncated);
        if (result.isError()) {
            return null;
        }
        if (!truncated) {
            CoderResult flushed = decoder.flush(out);
            if (flushed.isError()) {
                return null;
            }
        } else if (in.remaining() > 3) {
            return null;
        }
        out.flip();
        return out.toString();
    }

    private static boolean starts(byte[] b, int n, int... expected) {
        if (n < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int n, int offset, String expected) {
        if (n < offset + expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (b[offset + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, int n, String expected) {
        for (int i = 0; i + expected.length() <= n; i++) {
            if (ascii(b, n, i, expected)) {
                return true;
            }
        }
        return false;
    }

    private static String printable(byte[] b, int offset, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = offset; i < offset + length; i++) {
            char c = (char) (b[i] & 0xFF);
            text.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return text.toString();
    }
}
