package org.vigie.core.observables;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File hashes as lower-case hex, the algorithm told by the length. An algorithm written before the
 * hash ({@code sha256:…}, {@code SHA-1=…}, as tools print them) is accepted and checked against it.
 */
final class FileHashes {

    static final Pattern LABELLED = Pattern.compile("(?i)(?:(md5|sha-?1|sha-?256|sha-?512)\\s*[:=]\\s*)?([0-9a-f]+)");

    private FileHashes() {
    }

    static Observable normalise(String raw, String text) {
        String value = text.strip();
        Matcher matcher = LABELLED.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidObservableException("not a valid file hash: " + value + " (only hexadecimal digits 0-9 and a-f)");
        }
        String hex = matcher.group(2).toLowerCase(Locale.ROOT);
        HashAlgorithm algorithm = HashAlgorithm.forHexLength(hex.length()).orElseThrow(() -> new InvalidObservableException(
                "not a valid file hash: " + hex.length() + " hexadecimal digits (MD5 has 32, SHA-1 40, SHA-256 64, SHA-512 128)"));
        if (matcher.group(1) != null) {
            HashAlgorithm labelled = HashAlgorithm.forName(matcher.group(1)).orElseThrow();
            if (labelled != algorithm) {
                throw new InvalidObservableException("not a valid file hash: " + labelled.label() + " hashes have "
                        + labelled.hexLength() + " hexadecimal digits, this has " + hex.length());
            }
        }
        return new Observable(ObservableType.FILE_HASH, raw, hex, null, algorithm);
    }
}
