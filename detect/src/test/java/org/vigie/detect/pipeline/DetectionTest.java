package org.vigie.detect.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.detect.input.InputFormat;
import org.vigie.detect.input.InputReport;

class DetectionTest {

    @Test
    void anEmptyInputGivesAnEmptyResultNotACrash() {
        DetectionResult result = new Detection(DetectionSettings.defaults()).run(Collections.emptyIterator(),
                () -> new InputReport(InputFormat.VIGIE_CSV, 0, 0, 0, List.of()));

        assertThat(result.traces()).isZero();
        assertThat(result.edges()).isEmpty();
        assertThat(result.groups()).isEmpty();
        assertThat(result.accounts()).isEmpty();
        assertThat(result.weightThreshold()).isNotNaN().isGreaterThanOrEqualTo(0);
    }
}
