package org.vigie.server.accounts;

import java.security.SecureRandom;

/** Readable generated passwords: four groups of five from an alphabet without look-alike characters (~110 bits). */
public final class PasswordGenerator {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private PasswordGenerator() {
    }

    public static String generate(SecureRandom random) {
        StringBuilder password = new StringBuilder(23);
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < 5; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }
}
