package org.vigie.core.observables;

import java.util.Objects;

/**
 * One observable of a report: what the reporter entered, kept so that the report shows their
 * words, and its normalised form, which is what correlation compares.
 *
 * @param type       what kind of observable it is
 * @param raw        the value as entered, before refanging (surrounding blanks trimmed)
 * @param normalised the canonical value; two observables are the same when type and normalised are equal
 * @param platform   for {@link ObservableType#SOCIAL_ACCOUNT} the platform, otherwise null
 * @param algorithm  for {@link ObservableType#FILE_HASH} the algorithm, otherwise null
 */
public record Observable(ObservableType type, String raw, String normalised, SocialPlatform platform,
                         HashAlgorithm algorithm) {

    public Observable {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(normalised, "normalised");
        if ((type == ObservableType.SOCIAL_ACCOUNT) != (platform != null)) {
            throw new IllegalArgumentException("a platform is required for social accounts, and only for them");
        }
        if ((type == ObservableType.FILE_HASH) != (algorithm != null)) {
            throw new IllegalArgumentException("an algorithm is required for file hashes, and only for them");
        }
    }

    /** An observable of a type that needs neither a platform nor an algorithm. */
    public static Observable of(ObservableType type, String raw, String normalised) {
        return new Observable(type, raw, normalised, null, null);
    }
}
