package org.vigie.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.server.audit.AuditEvent;
import org.vigie.server.audit.AuditTrail;
import org.vigie.server.web.NotFoundException;

/**
 * Personal API tokens: {@code vgt_<public id>_<secret>}. The public id finds the row; only a SHA-256
 * of the secret is stored and compared in constant time. The full token is returned once, at
 * creation. Last-used times are written at most once a minute per token, so busy clients do not
 * turn every read into a write.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "vgt_";
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AccountRepository accounts, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token just created: the only moment its secret is known. */
    public record IssuedToken(ApiToken token, String secretToken) {
    }

    @Transactional
    public IssuedToken issue(UUID accountId, String name) {
        String publicId = randomText(9);
        String secret = randomText(32);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO api_tokens (id, account_id, name, public_id, secret_hash, created_at)
                VALUES (:id, :account, :name, :publicId, :hash, :now)""")
                .param("id", id).param("account", accountId).param("name", name.trim())
                .param("publicId", publicId).param("hash", sha256(secret)).param("now", Timestamp.from(now))
                .update();
        audit.record(AuditEvent.of("token.created", "api-token", id).with("name", name.trim()).with("account", accountId.toString()));
        return new IssuedToken(new ApiToken(id, name.trim(), publicId, now, null, null), PREFIX + publicId + "_" + secret);
    }

    public List<ApiToken> listFor(UUID accountId) {
        return jdbc.sql("""
                SELECT id, name, public_id, created_at, last_used_at, revoked_at FROM api_tokens
                WHERE account_id = :account ORDER BY created_at DESC""")
                .param("account", accountId)
                .query((rs, n) -> new ApiToken(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
                .list();
    }

    /** Revokes one of the account's own tokens; someone else's token is "not found". */
    @Transactional
    public void revoke(UUID accountId, UUID tokenId) {
        int changed = jdbc.sql("""
                UPDATE api_tokens SET revoked_at = :now
                WHERE id = :id AND account_id = :account AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("id", tokenId).param("account", accountId)
                .update();
        if (changed == 0) {
            boolean alreadyRevoked = jdbc.sql("SELECT count(*) FROM api_tokens WHERE id = :id AND account_id = :account")
                    .param("id", tokenId).param("account", accountId).query(Long.class).single() > 0;
            if (!alreadyRevoked) {
                throw new NotFoundException("token", tokenId);
            }
            return;
        }
        audit.record(AuditEvent.of("token.revoked", "api-token", tokenId).with("account", accountId.toString()));
    }

    /** The enabled account a presented token belongs to, if the token is genuine and not revoked. */
    @Transactional
    public Optional<Account> authenticate(String presented) {
        Optional<String[]> parts = parse(presented);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String publicId = parts.get()[0];
        byte[] presentedHash = sha256(parts.get()[1]).getBytes(StandardCharsets.US_ASCII);
        record Row(UUID id, UUID account, String hash) {
        }
        Optional<Row> row = jdbc.sql("SELECT id, account_id, secret_hash FROM api_tokens WHERE public_id = :p AND revoked_at IS NULL")
                .param("p", publicId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .optional();
        if (row.isEmpty() || !MessageDigest.isEqual(presentedHash, row.get().hash().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE api_tokens SET last_used_at = :now
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :stale)""")
                .param("now", Timestamp.from(now)).param("stale", Timestamp.from(now.minus(LAST_USED_GRANULARITY)))
                .param("id", row.get().id()).update();
        return accounts.findById(row.get().account()).filter(Account::enabled);
    }

    static boolean looksLikeToken(String text) {
        return parse(text).isPresent();
    }

    private static Optional<String[]> parse(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = presented.substring(PREFIX.length());
        int separator = rest.indexOf('_');
        if (separator <= 0 || separator == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new String[] {rest.substring(0, separator), rest.substring(separator + 1)});
    }

    private String randomText(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        // '_' separates the token's parts, so the random parts must not contain it.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer).replace('_', 'x');
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
