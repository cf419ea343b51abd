package org.vigie.core.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.core.observables.Pasted.error;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileHashTest {

    @ParameterizedTest(name = "{1} hex digits are {0}")
    @CsvSource({"MD5, 32", "SHA1, 40", "SHA256, 64", "SHA512, 128"})
    void theAlgorithmFollowsFromTheLength(HashAlgorithm algorithm, int length) {
        Observable hash = Pasted.observable("AB".repeat(length / 2));
        assertThat(hash.type()).isEqualTo(ObservableType.FILE_HASH);
        assertThat(hash.algorithm()).isEqualTo(algorithm);
        assertThat(hash.normalised()).isEqualTo("ab".repeat(length / 2));
    }

    @Test
    void anAlgorithmWrittenBeforeTheHashIsCheckedAgainstItsLength() {
        String sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        assertThat(Pasted.observable("SHA256: " + sha256).normalised()).isEqualTo(sha256);
        assertThat(Pasted.observable("sha-256=" + sha256).algorithm()).isEqualTo(HashAlgorithm.SHA256);
        assertThat(error("md5:" + sha256)).contains("MD5 hashes have 32 hexadecimal digits, this has 64");
    }

    @Test
    void otherLengthsAndNonHexDigitsAreRefused() {
        assertThat(error("ab".repeat(28))).contains("56 hexadecimal digits");
        assertThat(Pasted.PARSER.parse(ObservableType.FILE_HASH, "zz".repeat(16)).error()).contains("only hexadecimal digits");
    }
}
