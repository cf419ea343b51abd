package org.vigie.server.alerts.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vigie.webhooks.*}.
 *
 * @param allowPrivateTargets  lift the SSRF address rules (loopback, private, link-local…) for closed
 *                             networks and tests; also {@code VIGIE_ALLOW_PRIVATE_WEBHOOKS=true}
 * @param connectTimeout       TCP + TLS connect limit for one attempt
 * @param requestTimeout       limit for one whole attempt: connect, send, response headers and the
 *                             (bounded) body; a slow receiver costs at most this per attempt
 * @param maxConcurrent        deliveries in flight at once, all receivers together
 * @param maxConcurrentPerHost deliveries in flight at once to one host:port, so one slow receiver
 *                             can hold at most this many of the {@code maxConcurrent} threads
 */
@ConfigurationProperties("vigie.webhooks")
public record WebhookSettings(@DefaultValue("false") boolean allowPrivateTargets,
                              @DefaultValue("5s") Duration connectTimeout,
                              @DefaultValue("10s") Duration requestTimeout,
                              @DefaultValue("64") int maxConcurrent,
                              @DefaultValue("16") int maxConcurrentPerHost) {

    public WebhookSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.compareTo(connectTimeout) < 0) {
            throw new IllegalArgumentException("vigie.webhooks: need 0 < connect-timeout <= request-timeout");
        }
        if (maxConcurrent < 1 || maxConcurrentPerHost < 1 || maxConcurrentPerHost > maxConcurrent) {
            throw new IllegalArgumentException("vigie.webhooks: need 1 <= max-concurrent-per-host <= max-concurrent");
        }
    }
}
