package org.vigie.core.observables;

import java.util.Locale;
import java.util.Optional;

/**
 * The file hash algorithms a report can carry, told apart by the length of their hexadecimal form:
 * reporters paste the output of {@code sha256sum} or a sandbox report, rarely the algorithm's name.
 */
public enum HashAlgorithm {
    MD5("MD5", 32),
    SHA1("SHA-1", 40),
    SHA256("SHA-256", 64),
    SHA512("SHA-512", 128);

    private final String label;
    private final int hexLength;

    HashAlgorithm(String label, int hexLength) {
        this.label = label;
        this.hexLength = hexLength;
    }

    /** The name STIX uses in its hashes dictionary ("MD5", "SHA-1", "SHA-256", "SHA-512"). */
    public String label() {
        return label;
    }

    public int hexLength() {
        return hexLength;
    }

    public static Optional<HashAlgorithm> forHexLength(int length) {
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.hexLength == length) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** Accepts "sha256", "SHA-256", "sha_256" as written before a hash ({@code sha256:…}). */
    static Optional<HashAlgorithm> forName(String name) {
        String wanted = name.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.name().equals(wanted)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
