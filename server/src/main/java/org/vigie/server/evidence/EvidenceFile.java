package org.vigie.server.evidence;

import java.util.regex.Pattern;

/**
 * A stored evidence file.
 *
 * @param sha256    the content's SHA-256, 64 lower-case hex digits: the file's key
 * @param size      in bytes
 * @param mediaType the type sniffed from the content when it was first stored (never the client's claim)
 * @param fileName  the name it was uploaded with, made safe to show and to download under; null when the
 *                  file is read back by its hash ({@link EvidenceStore#find}): names belong to the reports
 *                  that list the file, and one content may be listed under several names
 */
public record EvidenceFile(String sha256, long size, String mediaType, String fileName) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public EvidenceFile {
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256);
        }
    }

    /** Whether the text is a key of this store: exactly 64 lower-case hex digits. Check every hash taken from a URL. */
    public static boolean isSha256(String text) {
        return text != null && SHA256.matcher(text).matches();
    }

    /** The same file listed under another name (made safe for the file's type). */
    public EvidenceFile withFileName(String name) {
        return new EvidenceFile(sha256, size, mediaType, EvidenceFileNames.forType(EvidenceFileNames.clean(name), mediaType));
    }
}
