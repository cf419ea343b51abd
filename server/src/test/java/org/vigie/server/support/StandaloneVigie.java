package org.vigie.server.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigie.server.VigieApplicationAccess;

/**
 * A whole Vigie started the way {@code vigie serve} starts it, on a data directory the test
 * chooses, and stopped by the test: for behaviour across restarts and between instances, which
 * the shared test application cannot show.
 */
public final class StandaloneVigie implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StandaloneVigie(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static StandaloneVigie start(Path dataDirectory, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--vigie.data=" + dataDirectory,
                "--vigie.admin-password=" + VigieTest.ADMIN_PASSWORD,
                "--spring.jmx.enabled=false"));
        arguments.addAll(List.of(extraArguments));
        return new StandaloneVigie(new SpringApplicationBuilder(VigieApplicationAccess.applicationClass())
                .run(arguments.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Fixtures fixtures() {
        return new Fixtures(port());
    }

    @Override
    public void close() {
        context.close();
    }
}
