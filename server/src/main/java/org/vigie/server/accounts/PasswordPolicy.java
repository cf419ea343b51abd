package org.vigie.server.accounts;

import java.nio.charset.StandardCharsets;
import org.vigie.server.web.InvalidFieldException;

/**
 * Length over composition rules (NIST SP 800-63B): at least 12 characters, and not the username itself.
 * bcrypt reads at most 72 bytes, so longer passwords are refused rather than silently truncated.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    static void check(String field, String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidFieldException(field, "password.tooShort", "The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidFieldException(field, "password.tooLong", "The password must fit in " + MAX_BYTES + " bytes.");
        }
        if (username != null && password.trim().equalsIgnoreCase(username.trim())) {
            throw new InvalidFieldException(field, "password.isUsername", "The password must not be the username.");
        }
    }
}
