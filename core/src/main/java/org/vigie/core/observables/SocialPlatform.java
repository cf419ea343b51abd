package org.vigie.core.observables;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The platforms whose accounts a report can name as {@code platform:handle}. Keys are stable: they
 * are the prefix of a social account's normalised value ({@code x:somehandle}).
 *
 * <p>There is deliberately no "other" platform: a key such as {@code other:john} would link unrelated
 * accounts that happen to share a name on different platforms. An account on a platform not listed
 * here is recorded as its profile URL, which names the platform by its host.
 *
 * <p>Every platform listed treats handles case-insensitively (X, Instagram, TikTok, Telegram, Reddit,
 * VK, LinkedIn, Facebook vanity names; Bluesky handles are domain names; Mastodon, Threads and Truth
 * Social look accounts up without regard to case), so handles are folded to lower case and
 * {@code @SomeHandle} matches {@code somehandle}. The one exception is YouTube's channel ids
 * ({@code UC…}), which are case-sensitive identifiers, unlike its {@code @handles}.
 */
public enum SocialPlatform {
    /** X, formerly Twitter; profile URLs {@code x.com/handle} and {@code twitter.com/handle}. */
    X("x", List.of("twitter"), List.of("x.com", "twitter.com")),
    /** Vanity names and numeric ids ({@code profile.php?id=…}). */
    FACEBOOK("facebook", List.of("fb"), List.of("facebook.com", "fb.com")),
    INSTAGRAM("instagram", List.of("ig", "insta"), List.of("instagram.com")),
    /** Profile URLs {@code tiktok.com/@handle}. */
    TIKTOK("tiktok", List.of(), List.of("tiktok.com")),
    /** {@code @handles} fold case; channel ids {@code UC…} (from {@code /channel/UC…}) keep it. */
    YOUTUBE("youtube", List.of("yt"), List.of("youtube.com")) {
        @Override
        public boolean foldsCase(String handle) {
            return !YOUTUBE_CHANNEL_ID.matcher(handle).matches();
        }
    },
    /** Public usernames ({@code t.me/name}); invitation links name no account. */
    TELEGRAM("telegram", List.of("tg"), List.of("t.me", "telegram.me")),
    VK("vk", List.of("vkontakte"), List.of("vk.com")),
    /** Handles are domain names; a bare name means {@code name.bsky.social}, the default domain. */
    BLUESKY("bluesky", List.of("bsky"), List.of("bsky.app")),
    /**
     * Any fediverse account, written {@code user@server}: the server is part of the identity, and
     * profile URLs cannot be recognised because every server has its own host.
     */
    MASTODON("mastodon", List.of("fediverse"), List.of()),
    /** Users ({@code reddit.com/user/name}, {@code u/name}); subreddits are not accounts. */
    REDDIT("reddit", List.of(), List.of("reddit.com")),
    /** Personal profiles {@code linkedin.com/in/name}. */
    LINKEDIN("linkedin", List.of(), List.of("linkedin.com")),
    THREADS("threads", List.of(), List.of("threads.net", "threads.com")),
    TRUTH_SOCIAL("truth-social", List.of("truthsocial", "truth"), List.of("truthsocial.com"));

    private static final Pattern YOUTUBE_CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_-]{22}");

    private final String key;
    private final List<String> aliases;
    private final List<String> hosts;

    SocialPlatform(String key, List<String> aliases, List<String> hosts) {
        this.key = key;
        this.aliases = aliases;
        this.hosts = hosts;
    }

    public String key() {
        return key;
    }

    /** Other names reporters write before the handle ({@code twitter:handle} for X). */
    public List<String> aliases() {
        return aliases;
    }

    /** The registrable domains serving this platform's profile pages (their subdomains too: www., m., mobile.). */
    public List<String> hosts() {
        return hosts;
    }

    /** Whether two handles differing only in case name the same account; see the class comment. */
    public boolean foldsCase(String handle) {
        return true;
    }

    /** The platform a reporter means by a key or an alias, in any case ("Twitter", "X", "truth social"). */
    public static Optional<SocialPlatform> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        return Arrays.stream(values())
                .filter(p -> p.key.equals(wanted) || p.aliases.contains(wanted))
                .findFirst();
    }

    /** @throws IllegalArgumentException naming the allowed keys */
    public static SocialPlatform fromKey(String key) {
        return named(key).orElseThrow(() -> new IllegalArgumentException(
                "'" + key + "' is not a known platform; use one of " + keys()));
    }

    /** The platform serving profile pages on a (lower-case, ASCII) host, such as {@code mobile.twitter.com}. */
    public static Optional<SocialPlatform> forHost(String host) {
        return Arrays.stream(values())
                .filter(p -> p.hosts.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h)))
                .findFirst();
    }

    /** "x, facebook, …": for error messages that must tell the reporter what to write. */
    static String keys() {
        return Arrays.stream(values()).map(SocialPlatform::key).collect(Collectors.joining(", "));
    }
}
