package org.vigie.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    @TempDir
    Path data;

    @Test
    void theKeyIsGeneratedIntoTheDataDirectoryOnFirstUseReadableByItsOwnerOnly() throws Exception {
        SecretBox box = new SecretBox(data.toString(), "");
        String sealed = box.encrypt("vgt_abc_secret", "peer-1");

        assertThat(sealed).startsWith("v1:").doesNotContain("secret");
        assertThat(Files.getPosixFilePermissions(data.resolve("secret.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(new SecretBox(data.toString(), "").decrypt(sealed, "peer-1")).as("after a restart").isEqualTo("vgt_abc_secret");
    }

    @Test
    void aSecretIsBoundToItsRowAndToTheKey() {
        SecretBox box = new SecretBox(data.toString(), "a configured passphrase");
        String sealed = box.encrypt("vgt_abc_secret", "peer-1");

        assertThat(Files.exists(data.resolve("secret.key"))).as("a configured key writes no file").isFalse();
        assertThatThrownBy(() -> box.decrypt(sealed, "peer-2")).hasMessageContaining("enter the secret again");
        assertThatThrownBy(() -> new SecretBox(data.toString(), "another passphrase").decrypt(sealed, "peer-1"))
                .hasMessageContaining("VIGIE_SECRET_KEY");
    }
}
