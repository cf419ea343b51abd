package org.vigie.core.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ObservableTypeTest {

    @Test
    void keysAreTheStableLowerCaseNamesStoredInJsonAndSql() {
        assertThat(Arrays.stream(ObservableType.values()).map(ObservableType::key))
                .containsExactly("url", "domain", "ipv4", "ipv6", "email", "file-hash", "phone", "social-account");
    }

    @Test
    void fromKeyReadsEveryKeyBack() {
        for (ObservableType type : ObservableType.values()) {
            assertThat(ObservableType.fromKey(type.key())).isEqualTo(type);
        }
        assertThat(ObservableType.fromKey(" File-Hash ")).isEqualTo(ObservableType.FILE_HASH);
    }

    @Test
    void anUnknownKeyIsRefusedWithTheAllowedKeys() {
        assertThatThrownBy(() -> ObservableType.fromKey("hostname"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'hostname'")
                .hasMessageContaining("url, domain, ipv4, ipv6, email, file-hash, phone, social-account");
        assertThatThrownBy(() -> ObservableType.fromKey(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
