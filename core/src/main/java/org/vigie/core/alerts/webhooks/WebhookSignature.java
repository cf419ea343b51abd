package org.vigie.core.alerts.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook request carries, as GitHub signs its webhooks:
 * {@code X-Vigie-Signature-256: sha256=<lower-case hex HMAC-SHA256 of the raw body>}, keyed with the
 * subscription's secret. The receiver recomputes it over the bytes it received (before any JSON
 * parsing, which would change spacing) and compares in constant time.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Vigie-Signature-256";
    public static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** {@code sha256=<hex>} for this body and secret. */
    public static String sign(byte[] secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
    }

    public static String sign(String secret, byte[] body) {
        return sign(secret.getBytes(StandardCharsets.UTF_8), body);
    }

    /**
     * Whether {@code header} is the signature of {@code body} under {@code secret}. The comparison is
     * constant-time ({@link MessageDigest#isEqual}) so a receiver does not leak, through response
     * timing, how many leading bytes of a forged signature were right. A missing or malformed header
     * is simply false.
     */
    public static boolean verify(byte[] secret, byte[] body, String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String hex = header.substring(PREFIX.length()).trim().toLowerCase(Locale.ROOT);
        if (hex.length() != 64) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), given);
    }

    public static boolean verify(String secret, byte[] body, String header) {
        return verify(secret.getBytes(StandardCharsets.UTF_8), body, header);
    }

    private static byte[] hmac(byte[] secret, byte[] body) {
        if (secret == null || secret.length == 0) {
            // An empty key would still "sign", and anyone could then forge the header.
            throw new IllegalArgumentException("a webhook secret must not be empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
