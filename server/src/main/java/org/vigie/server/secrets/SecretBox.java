package org.vigie.server.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets Vigie must send or sign with (peer hubs' tokens, webhook signing secrets) with AES-256-GCM. The key is
 * {@code VIGIE_SECRET_KEY} (or {@code vigie.secret-key}) if set, else {@code secret.key} in the
 * data directory, generated on first use and readable by its owner only. The database alone then
 * does not give the tokens away: a backup of it without the key holds only ciphertext. Each secret
 * is bound to its row (the associated data), so a ciphertext copied to another peer does not decrypt.
 */
@Component
public class SecretBox {

    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keyFile;
    private final String configuredKey;
    private volatile SecretKey key;

    public SecretBox(@Value("${vigie.data}") String dataDirectory, @Value("${vigie.secret-key:}") String configuredKey) {
        this.keyFile = Path.of(dataDirectory).resolve("secret.key");
        String fromEnvironment = System.getenv("VIGIE_SECRET_KEY");
        this.configuredKey = configuredKey != null && !configuredKey.isBlank() ? configuredKey
                : fromEnvironment == null ? "" : fromEnvironment;
    }

    public String encrypt(String secret, String boundTo) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a secret", e);
        }
    }

    public String decrypt(String stored, String boundTo) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("unknown secret format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, IV_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret does not decrypt with this hub's key (was VIGIE_SECRET_KEY or "
                    + keyFile + " changed?); enter the secret again (peer token) or rotate it (webhook secret)", e);
        }
    }

    private SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(configuredKey.isBlank() ? fileKey() : derived(configuredKey), "AES");
                }
                current = key;
            }
        }
        return current;
    }

    /** A configured key is used as given when it is 32 bytes in Base64, else as a passphrase hashed to 32 bytes. */
    private static byte[] derived(String configured) {
        try {
            byte[] decoded = Base64.getDecoder().decode(configured.trim());
            if (decoded.length == 32) {
                return decoded;
            }
        } catch (IllegalArgumentException notBase64) {
            // a passphrase
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(configured.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] fileKey() {
        try {
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Path temporary = Files.createTempFile(keyFile.getParent(), "secret", ".tmp");
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the data directory's own permissions protect it
                }
                Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.move(temporary, keyFile); // no REPLACE_EXISTING: the first writer wins
                } catch (FileAlreadyExistsException raced) {
                    Files.delete(temporary);
                }
            }
            byte[] decoded = Base64.getDecoder().decode(Files.readString(keyFile).trim());
            if (decoded.length != 32) {
                throw new IllegalStateException(keyFile + " does not hold a 32-byte key in Base64");
            }
            return decoded;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create " + keyFile, e);
        }
    }
}
