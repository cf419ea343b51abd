package org.vigie.server;

import java.io.PrintStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started Vigie where to open it, once it accepts requests. */
@Component
class ReadyBanner {

    private final String dataDirectory;
    private final String externalDatabase;
    private final PrintStream console = System.out;

    ReadyBanner(@Value("${vigie.data}") String dataDirectory, @Value("${vigie.db.url:}") String externalDatabase) {
        this.dataDirectory = dataDirectory;
        this.externalDatabase = externalDatabase;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            console.println();
            console.println("  Vigie is ready: http://localhost:" + web.getWebServer().getPort() + "/");
            console.println("  Data: " + (externalDatabase.isBlank() ? dataDirectory : "external PostgreSQL " + externalDatabase
                    + " (logs in " + dataDirectory + ")"));
            console.println("  Stop with Ctrl+C.");
            console.println();
        }
    }
}
