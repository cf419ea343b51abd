package org.vigie.core.observables;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters that say how a link was shared, not what it points to. Removing them lets the
 * same page shared through Facebook, a newsletter and an ad campaign correlate; keeping them would
 * also put click identifiers, which can identify whoever clicked, into the correlation index.
 *
 * <p>This class is the one list. Names compare case-insensitively.
 */
final class TrackingParameters {

    /** Campaign tagging: utm_source, utm_medium, utm_campaign, utm_term, utm_content, utm_id… */
    private static final String CAMPAIGN_PREFIX = "utm_";

    /** Click identifiers and analytics cookies passed in links, on any host. */
    private static final Set<String> ANY_HOST = Set.of(
            "fbclid",               // Facebook click id
            "gclid", "dclid", "gbraid", "wbraid", // Google Ads and Display click ids
            "msclkid",              // Microsoft Advertising click id
            "twclid",               // X (Twitter) Ads click id
            "ttclid",               // TikTok Ads click id
            "li_fat_id",            // LinkedIn Ads click id
            "yclid",                // Yandex click id
            "igshid", "igsh",       // Instagram share id
            "mc_cid", "mc_eid",     // Mailchimp campaign and recipient ids
            "_hsenc", "_hsmi",      // HubSpot e-mail tracking
            "mkt_tok",              // Marketo e-mail tracking
            "_ga", "_gl",           // Google Analytics cross-domain linker
            "ref_src", "ref_url");  // X (Twitter) embedded-widget referrer

    /**
     * Parameters that are share tracking on these hosts only: elsewhere {@code si}, {@code s} or
     * {@code t} may select content ({@code t} is a timestamp on YouTube).
     */
    private static final Map<String, Set<String>> BY_HOST = Map.of(
            "youtube.com", Set.of("si"),  // share id on YouTube links
            "youtu.be", Set.of("si"),
            "spotify.com", Set.of("si"),  // share id on Spotify links
            "x.com", Set.of("s", "t"),    // share source and token on X links
            "twitter.com", Set.of("s", "t"));

    private TrackingParameters() {
    }

    /** @param name the parameter's name, already percent-decoded; @param host the URL's ASCII host */
    static boolean isTracking(String name, String host) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith(CAMPAIGN_PREFIX) || ANY_HOST.contains(lower)) {
            return true;
        }
        for (Map.Entry<String, Set<String>> entry : BY_HOST.entrySet()) {
            String domain = entry.getKey();
            if ((host.equals(domain) || host.endsWith("." + domain)) && entry.getValue().contains(lower)) {
                return true;
            }
        }
        return false;
    }
}
