package org.vigie.server.alerts.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vigie.core.alerts.webhooks.WebhookTargetRefused;
import org.vigie.core.alerts.webhooks.WebhookTargets;

/**
 * Applies the SSRF rules of {@link WebhookTargets} twice: when a subscription is saved (so the user
 * hears at once that the URL is refused) and again right before every delivery attempt.
 *
 * <p>Why the second check, and why "re-resolve and re-check" rather than "connect to the vetted IP":
 * a host that resolved to a public address when the subscription was saved can later resolve to
 * 127.0.0.1 or 169.254.169.254 (DNS rebinding, or simply a changed record). Pinning the connection to
 * the vetted IP would be the tighter fix, but on Java 17 {@code java.net.http.HttpClient} offers no
 * way to choose the address it connects to while keeping the original host for the {@code Host}
 * header, SNI and certificate checking ({@code Host} is a restricted header, and an IP in the URL
 * breaks TLS name verification); a hand-written HTTP/TLS client would be far more risk than it removes.
 * So each attempt re-resolves and re-checks every address. The remaining window — the client resolving
 * again between our check and its connect — is closed in practice by the JVM's own DNS cache
 * ({@code networkaddress.cache.ttl}, 30 s by default without a security manager): the client's lookup,
 * milliseconds after ours, is answered from the cache with the very addresses just vetted. Operators
 * must not set that TTL to 0. When Vigie moves to Java 21+, an {@code InetAddressResolverProvider}
 * can pin the address outright.
 */
@Component
public class WebhookTargetGuard {

    private final boolean allowPrivate;
    private final WebhookTargets.Resolver resolver;

    @Autowired
    public WebhookTargetGuard(WebhookSettings settings) {
        this(settings.allowPrivateTargets(), WebhookTargets.Resolver.SYSTEM);
    }

    public WebhookTargetGuard(boolean allowPrivate, WebhookTargets.Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * For a subscription being created or changed: the URL's form and every address of its host.
     *
     * @return the normalised URL to store
     * @throws WebhookTargetRefused with field {@code url} and the reason (answer 400)
     */
    public URI checkSubscriptionUrl(String url) {
        URI uri = WebhookTargets.parse(url);
        WebhookTargets.vet(uri, allowPrivate, resolver);
        return uri;
    }

    /**
     * Right before a delivery attempt: the stored URL is re-resolved and every address re-checked.
     *
     * @throws WebhookTargetRefused when the host now resolves to a refused address (or not at all)
     */
    public List<InetAddress> checkBeforeDelivery(URI url) {
        return WebhookTargets.vet(url, allowPrivate, resolver);
    }

    public boolean allowsPrivateTargets() {
        return allowPrivate;
    }
}
