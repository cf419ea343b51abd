package org.vigie.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Gives each test application context a fresh data directory (and so a fresh embedded PostgreSQL). */
public class TemporaryDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path directory = Files.createTempDirectory("vigie-test-");
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "vigie.data=" + directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
