package org.vigie.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.server.web.InvalidFieldException;

/** Server-side datasets: only regular files inside the configured directory, whatever the name tries. */
class DatasetSourcesTest {

    @TempDir
    Path root;

    @Test
    void aFileOfTheDirectoryIsFoundByItsRelativeName() throws Exception {
        Path datasets = Files.createDirectories(root.resolve("datasets/2027"));
        Files.writeString(datasets.resolve("posts.csv"), "post_id,account_id,timestamp\n");
        DatasetSources sources = new DatasetSources(root.resolve("datasets").toString());

        assertThat(sources.serverFiles()).containsExactly("2027/posts.csv");
        assertThat(sources.serverFile("2027/posts.csv")).isEqualTo(datasets.resolve("posts.csv").toRealPath());
    }

    @Test
    void namesThatLeaveTheDirectoryAreRefused() throws Exception {
        Files.createDirectories(root.resolve("datasets/sub"));
        Files.writeString(root.resolve("secret.txt"), "not yours");
        Files.createSymbolicLink(root.resolve("datasets/link.csv"), root.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("datasets/escape"), root);
        DatasetSources sources = new DatasetSources(root.resolve("datasets").toString());

        for (String name : new String[] {"../secret.txt", "sub/../../secret.txt", root.resolve("secret.txt").toString(), "link.csv",
                "escape/secret.txt", "sub", "", "missing.csv"}) {
            assertThatThrownBy(() -> sources.serverFile(name)).as(name).isInstanceOf(InvalidFieldException.class)
                    .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("serverFile"));
        }
        assertThat(sources.serverFiles()).doesNotContain("link.csv");
    }

    @Test
    void withoutADirectoryNoServerFileIsRead() {
        DatasetSources sources = new DatasetSources("");

        assertThat(sources.serverFilesEnabled()).isFalse();
        assertThat(sources.serverFiles()).isEmpty();
        assertThatThrownBy(() -> sources.serverFile("posts.csv")).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("vigie.monitoring.datasets-dir");
    }
}
