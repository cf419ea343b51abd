package org.vigie.detect.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final long T = 1630490400L; // 2021-09-01T10:00:00Z

    @Test
    void unixSecondsMillisecondsAndMicrosecondsByMagnitude() {
        assertThat(Timestamps.parse("1630490400")).isEqualTo(T);
        assertThat(Timestamps.parse(" 1630490400 ")).isEqualTo(T);
        assertThat(Timestamps.parse("1630490400999")).isEqualTo(T);
        assertThat(Timestamps.parse("1630490400999999")).isEqualTo(T);
        assertThat(Timestamps.parse("1630490400.75")).isEqualTo(T);
        assertThat(Timestamps.parse("0")).isZero();
        assertThat(Timestamps.parse("-1.5")).isEqualTo(-2);
        assertThat(Timestamps.parse("99999999999")).as("just under the millisecond threshold").isEqualTo(99_999_999_999L);
    }

    @Test
    void isoWithOffsetOrZ() {
        assertThat(Timestamps.parse("2021-09-01T10:00:00Z")).isEqualTo(T);
        assertThat(Timestamps.parse("2021-09-01T12:00:00+02:00")).isEqualTo(T);
        assertThat(Timestamps.parse("2021-09-01T10:00:00.123Z")).isEqualTo(T);
        assertThat(Timestamps.parse("2021-09-01 05:00:00-05:00")).isEqualTo(T);
    }

    @Test
    void aFileMayMixForms() {
        var read = Inputs.read("post_id,account_id,timestamp\n"
                + "p1,a,1630490400\np2,a,1630490400000\np3,a,2021-09-01T10:00:00Z\np4,a,2021-09-01T11:00:00+01:00\n", null);

        assertThat(read.posts()).extracting(Post::epochSecond).containsOnly(T);
        assertThat(read.report().errors()).isZero();
    }

    @Test
    void unreadableFormsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Timestamps.parse("2021-09-01T10:00:00")).hasMessageContaining("no time-zone offset");
        assertThatThrownBy(() -> Timestamps.parse("yesterday")).hasMessageContaining("unreadable timestamp 'yesterday'");
        assertThatThrownBy(() -> Timestamps.parse("2021-13-01T10:00:00Z")).hasMessageContaining("unreadable");
        assertThatThrownBy(() -> Timestamps.parse("")).hasMessage("empty timestamp");
        assertThatThrownBy(() -> Timestamps.parse("99999999999999999999")).hasMessageContaining("out of range");
    }

    @Test
    void theDigitByDigitPathAgreesWithTheFullParserAndStepsAsideForEverythingElse() {
        for (String v : java.util.List.of("2026-01-01T00:00:00Z", "2021-09-26T18:59:59+02:00", "1999-12-31 23:59:59-05:30",
                "2024-02-29T12:00:00Z", "1969-12-31T23:59:59Z", "2026-06-30T07:08:09+00:00")) {
            assertThat(Timestamps.parseSimpleIso(v)).as(v)
                    .isEqualTo(java.time.OffsetDateTime.parse(v.replace(' ', 'T')).toEpochSecond());
        }
        for (String v : java.util.List.of("2023-02-29T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:00:00.5Z",
                "2026-01-01T00:00:00", "2026-13-01T00:00:00Z", "2026-01-01T00:00:60Z", "2026-01-01T00:00:00+2:00")) {
            assertThat(Timestamps.parseSimpleIso(v)).as(v).isEqualTo(Long.MIN_VALUE);
        }
    }
}
