package org.vigie.server.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole application on a random port, with a real embedded PostgreSQL in a
 * temporary data directory. Every test class with this annotation shares one application (Spring
 * caches the context), so tests create their own uniquely named data and never assume an empty
 * database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vigie.admin-password=" + VigieTest.ADMIN_PASSWORD, "vigie.login.max-failures=5",
                // alerts: tests drive the delivery worker by hand (with the controllable clock); the SMTP
                // port is set by the e-mail test to its GreenMail server
                "vigie.alerts.scheduled=false", "spring.mail.host=127.0.0.1", "spring.mail.port=1",
                // webhook tests run their receivers on 127.0.0.1; the SSRF refusal at save time is tested on a
                // standalone Vigie with the default (AlertsRestartTest)
                "vigie.webhooks.allow-private-targets=true",
                // the cached applications are closed when the test JVM exits: a graceful shutdown waiting its 30 s
                // for requests still open (a browser's keep-alive) outlived Surefire's grace period for the fork
                "spring.lifecycle.timeout-per-shutdown-phase=2s"})
@ContextConfiguration(initializers = TemporaryDataDirectory.class)
@Import(TestClockConfiguration.class)
@AutoConfigureObservability // tests see the metrics endpoint as production does
public @interface VigieTest {

    String ADMIN_PASSWORD = "Test-Admin-Password-2027";
}
