package org.vigie.server;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Vigie server. {@link #main} also runs the command-line tools that need no server (see {@link VigieCommandLine}). */
@SpringBootApplication
@EnableScheduling
public class VigieApplication {

    public static void main(String[] args) {
        int status = new VigieCommandLine(System.out, System.err).run(args);
        if (status != VigieCommandLine.KEEP_RUNNING) {
            System.exit(status);
        }
    }

    static void serve(String[] springArguments) {
        SpringApplication application = new SpringApplication(VigieApplication.class);
        application.run(springArguments);
    }

    /** The one source of time, replaced by a controllable clock in tests. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
