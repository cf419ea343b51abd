package org.vigie.core.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SocialPlatformTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "x, X", "X, X", "twitter, X", "Twitter, X",
            "fb, FACEBOOK", "ig, INSTAGRAM", "yt, YOUTUBE", "tg, TELEGRAM", "bsky, BLUESKY",
            "fediverse, MASTODON", "truth-social, TRUTH_SOCIAL", "truth social, TRUTH_SOCIAL", "truthsocial, TRUTH_SOCIAL"})
    void reportersNameAPlatformByItsKeyOrAnAliasInAnyCase(String name, SocialPlatform platform) {
        assertThat(SocialPlatform.named(name)).contains(platform);
    }

    @Test
    void thereIsNoCatchAllPlatformBecauseItWouldLinkNamesakesAcrossPlatforms() {
        assertThat(SocialPlatform.named("other")).isEmpty();
        assertThatThrownBy(() -> SocialPlatform.fromKey("myspace"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x, facebook, instagram");
    }

    @Test
    void handlesFoldCaseExceptYouTubeChannelIds() {
        assertThat(SocialPlatform.X.foldsCase("SomeHandle")).isTrue();
        assertThat(SocialPlatform.YOUTUBE.foldsCase("SomeHandle")).isTrue();
        assertThat(SocialPlatform.YOUTUBE.foldsCase("UCabcdefghijklmnopqrstuv")).isFalse();
    }

    @Test
    void profileHostsIncludeTheirSubdomains() {
        assertThat(SocialPlatform.forHost("mobile.twitter.com")).contains(SocialPlatform.X);
        assertThat(SocialPlatform.forHost("m.facebook.com")).contains(SocialPlatform.FACEBOOK);
        assertThat(SocialPlatform.forHost("t.me")).contains(SocialPlatform.TELEGRAM);
        assertThat(SocialPlatform.forHost("notx.com")).isEmpty();
    }
}
