package org.vigie.detect.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdInternerTest {
    @Test
    void internsInOrderOfFirstAppearanceAcrossGrowth() {
        IdInterner ids = new IdInterner();
        for (int i = 0; i < 100_000; i++) {
            assertThat(ids.intern("object-" + i)).isEqualTo(i);
        }
        // "Aa" and "BB" share a hash code: both must keep their own id
        int aa = ids.intern("Aa");
        int bb = ids.intern("BB");
        assertThat(aa).isNotEqualTo(bb);
        assertThat(ids.intern("Aa")).isEqualTo(aa);
        assertThat(ids.find("BB")).isEqualTo(bb);
        assertThat(ids.find("object-77777")).isEqualTo(77_777);
        assertThat(ids.find("never")).isEqualTo(-1);
        assertThat(ids.name(12_345)).isEqualTo("object-12345");
    }

    @Test
    void forgottenNamesKeepTheirNumbersButAreNoLongerFoundOrNamed() {
        IdInterner ids = new IdInterner();
        for (int i = 0; i < 1_000; i++) {
            ids.intern("text:" + i);
        }

        assertThat(ids.forget(id -> id % 2 == 1)).isEqualTo(500);

        assertThat(ids.size()).isEqualTo(1_000);
        assertThat(ids.find("text:10")).isEqualTo(10);
        assertThat(ids.find("text:11")).isEqualTo(-1);
        assertThatThrownBy(() -> ids.name(11)).hasMessageContaining("forgotten");
        assertThat(ids.intern("text:11")).isEqualTo(1_000);
        assertThat(ids.intern("text:12")).isEqualTo(12);
    }

    @Test
    void internedFromAsciiBytesAKeyHasTheIdItsStringHas() {
        IdInterner ids = new IdInterner();
        String[] keys = {"tw_3521f2c4", "Aa", "BB", "a-key-longer-than-fifteen-bytes", "", "exactly15bytes!", "16-bytes-exactly"};
        for (String k : keys) {
            byte[] padded = (">>" + k + "<<").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int fromBytes = ids.internAscii(padded, 2, k.length());
            assertThat(ids.intern(k)).as(k).isEqualTo(fromBytes);
            assertThat(ids.internAscii(padded, 2, k.length())).as(k).isEqualTo(fromBytes);
            assertThat(ids.name(fromBytes)).isEqualTo(k);
        }
        assertThat(ids.size()).isEqualTo(keys.length);
        assertThat(ids.intern("Grüße")).isEqualTo(keys.length); // beyond ASCII: kept as a string only
        assertThat(ids.find("Grüße")).isEqualTo(keys.length);
    }
}
