package org.vigie.server.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigie.server.support.VigieTest;

/**
 * The import benchmark at a tiny scale: its generated bundle is valid STIX (every object stored) and it
 * prints its figures. Timings are the {@code vigie bench import} command's business, never a test's.
 */
@VigieTest
class ImportBenchmarkTest {

    @Autowired
    ImportBenchmark benchmark;

    @Test
    void theGeneratedBundleImportsWholeAndTheFiguresArePrinted() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        ImportBenchmark.Result result = benchmark.run(2_500, 7, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(result.state()).isEqualTo(ImportJob.State.SUCCEEDED);
        assertThat(result.objects()).isEqualTo(2_500);
        assertThat(result.stored()).isEqualTo(2_500);
        assertThat(result.rejected()).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("import throughput", "objects/s", "ratio", "peak heap");
    }
}
