package org.vigie.server.taxii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code next} values of TAXII pages: an opaque keyset position (the last row's date added, id
 * and version) bound to its collection and endpoint, signed with HMAC-SHA-256 under a key the
 * server keeps in its database. A position, not an offset, so objects added between two pages do
 * not shift what the next page holds; signed, so a client can neither forge one nor move one to
 * another collection (the visibility policy is applied again on every page in any case).
 */
@Component
class PageCursors {

    /** A position in (date added, id, version) order: the next page starts strictly after it. */
    record Position(Instant addedAt, String stixId, Instant modified) {
    }

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    private final JdbcClient jdbc;
    private volatile byte[] key;

    PageCursors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String encode(String scope, Position position) {
        byte[] id = position.stixId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(1 + 8 + 4 + 8 + 4 + 2 + id.length);
        body.put((byte) 1)
                .putLong(position.addedAt().getEpochSecond()).putInt(position.addedAt().getNano())
                .putLong(position.modified().getEpochSecond()).putInt(position.modified().getNano())
                .putShort((short) id.length).put(id);
        byte[] payload = body.array();
        byte[] mac = mac(scope, payload);
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac);
    }

    /** The position a {@code next} stands for, or a 400 naming the parameter if it is not one this server gave for this scope. */
    Position decode(String scope, String next) {
        int dot = next.indexOf('.');
        try {
            if (dot < 0) {
                throw new IllegalArgumentException();
            }
            byte[] payload = DECODE.decode(next.substring(0, dot));
            byte[] mac = DECODE.decode(next.substring(dot + 1));
            if (!MessageDigest.isEqual(mac, mac(scope, payload))) {
                throw new IllegalArgumentException();
            }
            ByteBuffer body = ByteBuffer.wrap(payload);
            if (body.get() != 1) {
                throw new IllegalArgumentException();
            }
            Instant added = Instant.ofEpochSecond(body.getLong(), body.getInt());
            Instant modified = Instant.ofEpochSecond(body.getLong(), body.getInt());
            byte[] id = new byte[body.getShort()];
            body.get(id);
            return new Position(added, new String(id, StandardCharsets.UTF_8), modified);
        } catch (RuntimeException e) {
            throw TaxiiException.badParameter("next", "is not a 'next' value this server gave for this collection and endpoint;"
                    + " start again without it, or with the 'next' of the previous page");
        }
    }

    private byte[] mac(String scope, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(payload);
            byte[] full = mac.doFinal();
            byte[] truncated = new byte[MAC_BYTES];
            System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
            return truncated;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] current = key;
        if (current == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("INSERT INTO taxii_cursor_key (secret) VALUES (:secret) ON CONFLICT DO NOTHING").param("secret", fresh).update();
            current = jdbc.sql("SELECT secret FROM taxii_cursor_key").query(byte[].class).single();
            key = current;
        }
        return current;
    }

    /** The scope a cursor is bound to: the endpoint and the collection (and object, for an object's pages). */
    static String scope(String endpoint, UUID collection, String objectId) {
        return endpoint + "|" + collection + "|" + (objectId == null ? "" : objectId);
    }
}
