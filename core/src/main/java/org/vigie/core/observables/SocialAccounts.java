package org.vigie.core.observables;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Social media accounts, normalised to {@code platform:handle}. Accepted as {@code platform:handle}
 * or {@code platform:@handle} (the platform by key or alias), as a fediverse address
 * {@code @user@server}, or as a profile URL on the platform's hosts ({@code https://x.com/SomeHandle},
 * {@code https://www.tiktok.com/@someone}, {@code https://t.me/channel}…).
 */
final class SocialAccounts {

    static final String SAY_WHICH_PLATFORM = "say which platform: platform:handle, e.g. x:@handle";

    private static final Pattern PLATFORM_AND_HANDLE = Pattern.compile("([A-Za-z][A-Za-z0-9 _-]{0,30}?)\\s*:\\s*(.+)");
    private static final Pattern FEDIVERSE = Pattern.compile("@?([^@\\s/]+)@([^@\\s/]+)");
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern DID = Pattern.compile("did:(plc|web):[A-Za-z0-9._:%-]+");
    /** Paths on a platform's host that are pages of the platform, not accounts. */
    private static final Set<String> NOT_ACCOUNTS = Set.of("home", "search", "explore", "i", "intent", "share", "sharer",
            "hashtag", "settings", "messages", "notifications", "login", "signup", "groups", "events", "watch", "p", "reel",
            "reels", "stories", "accounts", "tv", "status", "r", "joinchat", "feed");

    private SocialAccounts() {
    }

    static Observable normalise(String raw, String text) {
        String value = text.strip();
        if (UrlNormaliser.hasScheme(value) || looksLikeProfileUrlWithoutScheme(value)) {
            return fromProfileUrl(raw, value);
        }
        if (FEDIVERSE.matcher(value).matches() && !value.contains(":")) {
            return account(raw, SocialPlatform.MASTODON, value);
        }
        Matcher prefixed = PLATFORM_AND_HANDLE.matcher(value);
        if (prefixed.matches()) {
            String name = prefixed.group(1);
            SocialPlatform platform = SocialPlatform.named(name).orElseThrow(() -> new InvalidObservableException(
                    "unknown platform '" + name.strip() + "': use one of " + SocialPlatform.keys()
                            + ", or record the account's profile URL"));
            return account(raw, platform, prefixed.group(2));
        }
        throw new InvalidObservableException(SAY_WHICH_PLATFORM);
    }

    private static boolean looksLikeProfileUrlWithoutScheme(String value) {
        int slash = value.indexOf('/');
        return slash > 0 && SocialPlatform.forHost(value.substring(0, slash).toLowerCase(Locale.ROOT)).isPresent();
    }

    private static Observable account(String raw, SocialPlatform platform, String handleAsWritten) {
        String handle = handle(platform, handleAsWritten.strip());
        if (platform.foldsCase(handle)) {
            handle = handle.toLowerCase(Locale.ROOT);
        }
        return new Observable(ObservableType.SOCIAL_ACCOUNT, raw, platform.key() + ":" + handle, platform, null);
    }

    private static String handle(SocialPlatform platform, String written) {
        String handle = written.startsWith("@") ? written.substring(1) : written;
        return switch (platform) {
            case MASTODON -> fediverseHandle(written, handle);
            case BLUESKY -> blueskyHandle(written, handle);
            case REDDIT -> plainHandle(platform, written, handle.replaceFirst("^/?(u|user)/", ""));
            default -> plainHandle(platform, written, handle);
        };
    }

    private static String plainHandle(SocialPlatform platform, String written, String handle) {
        if (!HANDLE.matcher(handle).matches()) {
            throw new InvalidObservableException("not a valid " + platform.key() + " handle: " + written);
        }
        return handle;
    }

    /** The server is part of a fediverse identity: {@code @alice@one.example} is not {@code @alice@two.example}. */
    private static String fediverseHandle(String written, String handle) {
        int at = handle.indexOf('@');
        if (at < 0) {
            throw new InvalidObservableException("a fediverse handle names its server: mastodon:@user@server, not " + written);
        }
        String user = handle.substring(0, at);
        if (!HANDLE.matcher(user).matches()) {
            throw new InvalidObservableException("not a valid mastodon handle: " + written);
        }
        return user + "@" + Hostnames.normalise(handle.substring(at + 1));
    }

    /** Bluesky handles are domain names; a bare name is one on the default domain, bsky.social. */
    private static String blueskyHandle(String written, String handle) {
        if (DID.matcher(handle).matches()) {
            return handle;
        }
        try {
            return Hostnames.normalise(handle.contains(".") ? handle : handle + ".bsky.social");
        } catch (InvalidObservableException e) {
            throw new InvalidObservableException("not a valid bluesky handle: " + written);
        }
    }

    private static Observable fromProfileUrl(String raw, String value) {
        NormalisedUrl url = UrlNormaliser.normalise(value);
        SocialPlatform platform = SocialPlatform.forHost(url.host()).orElseThrow(() -> new InvalidObservableException(
                "not a profile URL on a known platform: " + value + "; write platform:handle, e.g. x:@handle"));
        List<String> segments = Arrays.stream(url.path().split("/")).filter(s -> !s.isEmpty()).toList();
        String handle = handleInProfilePath(platform, segments, url.query()).orElseThrow(() -> new InvalidObservableException(
                "not a profile URL: " + value + " names no " + platform.key() + " account; write " + platform.key() + ":@handle"));
        return account(raw, platform, handle);
    }

    /** Where each platform puts the account in its profile URLs. */
    private static Optional<String> handleInProfilePath(SocialPlatform platform, List<String> segments, String query) {
        String first = segments.isEmpty() ? "" : segments.get(0);
        String second = segments.size() > 1 ? segments.get(1) : "";
        String handle = switch (platform) {
            case TIKTOK, THREADS, TRUTH_SOCIAL -> first.startsWith("@") ? first : "";
            case YOUTUBE -> first.startsWith("@") ? first : Set.of("channel", "c", "user").contains(first) ? second : "";
            case TELEGRAM -> first.equals("s") ? second : first.startsWith("+") ? "" : first;
            case BLUESKY -> first.equals("profile") ? second : "";
            case REDDIT -> Set.of("u", "user").contains(first) ? second : "";
            case LINKEDIN -> first.equals("in") ? second : "";
            case FACEBOOK -> first.equals("profile.php") ? queryValue(query, "id")
                    : first.equals("people") && segments.size() > 2 ? segments.get(2) : first;
            case X, INSTAGRAM, VK -> first;
            case MASTODON -> "";
        };
        boolean platformPage = handle.equals(first) && NOT_ACCOUNTS.contains(first.toLowerCase(Locale.ROOT));
        return handle.isEmpty() || platformPage ? Optional.empty() : Optional.of(handle);
    }

    private static String queryValue(String query, String name) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return "";
    }
}
