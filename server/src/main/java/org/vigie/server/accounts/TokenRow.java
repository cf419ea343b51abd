package org.vigie.server.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** One API token on the profile page, never with its secret. Times are shown in UTC, the platform's one time zone. */
record TokenRow(UUID id, String name, String masked, Instant createdAt, String created, Instant lastUsedAt, String lastUsed,
                boolean active) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static TokenRow of(ApiToken token) {
        return new TokenRow(token.id(), token.name(), token.masked(), token.createdAt(), SHOWN.format(token.createdAt()),
                token.lastUsedAt(), token.lastUsedAt() == null ? null : SHOWN.format(token.lastUsedAt()), token.active());
    }
}
