package org.vigie.core.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.core.observables.Pasted.error;
import static org.vigie.core.observables.Pasted.keys;
import static org.vigie.core.observables.Pasted.normalised;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.core.observables.ObservableParser.ParsedLine;

class SocialAccountTest {

    private static String asAccount(String value) {
        ParsedLine line = Pasted.PARSER.parse(ObservableType.SOCIAL_ACCOUNT, value);
        assertThat(line.error()).as("error for %s", value).isNull();
        return line.observable().orElseThrow().normalised();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x:@SomeHandle", "twitter:somehandle", "X: @somehandle", "Twitter:SOMEHANDLE"})
    void waysOfNamingOneAccountGiveOneKey(String entered) {
        assertThat(keys(entered)).containsExactly(new CorrelationKey("social-account", "x:somehandle"));
    }

    @Test
    void aProfileUrlStaysAUrlUntilTheReporterSaysItIsAnAccount() {
        assertThat(Pasted.observable("https://twitter.com/SomeHandle").type()).isEqualTo(ObservableType.URL);

        Observable account = Pasted.PARSER.parse(ObservableType.SOCIAL_ACCOUNT, "https://x.com/SomeHandle").observable().orElseThrow();
        assertThat(account.platform()).isEqualTo(SocialPlatform.X);
        assertThat(account.normalised()).isEqualTo("x:somehandle");
        assertThat(account.raw()).isEqualTo("https://x.com/SomeHandle");
        assertThat(asAccount("https://twitter.com/SomeHandle")).isEqualTo(normalised("x:@SomeHandle"));
    }

    @Test
    void theSameHandleOnDifferentPlatformsIsDifferentAccounts() {
        assertThat(keys("x:@somehandle")).isNotEqualTo(keys("instagram:@somehandle"));
        assertThat(keys("threads:@somehandle")).isNotEqualTo(keys("instagram:@somehandle"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "https://mobile.twitter.com/SomeHandle/status/1, x:somehandle",
            "https://www.facebook.com/Some.Page, facebook:some.page",
            "https://www.facebook.com/profile.php?id=100012345, facebook:100012345",
            "https://www.instagram.com/Some_Handle/, instagram:some_handle",
            "https://www.tiktok.com/@Someone?lang=fr, tiktok:someone",
            "https://www.youtube.com/@SomeChannel, youtube:somechannel",
            "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuV, youtube:UCabcdefghijklmnopqrstuV",
            "https://t.me/SomeChannel, telegram:somechannel",
            "https://t.me/s/SomeChannel, telegram:somechannel",
            "https://vk.com/Some.Page, vk:some.page",
            "https://bsky.app/profile/Someone.bsky.social, bluesky:someone.bsky.social",
            "https://old.reddit.com/user/Someone/, reddit:someone",
            "https://www.reddit.com/u/Someone, reddit:someone",
            "https://www.linkedin.com/in/Jean-Dupont/, linkedin:jean-dupont",
            "https://www.threads.net/@Someone, threads:someone",
            "https://truthsocial.com/@Someone, truth-social:someone",
            "x.com/SomeHandle, x:somehandle"})
    void profileUrlsOnAPlatformsHostsNameTheAccount(String url, String account) {
        assertThat(asAccount(url)).isEqualTo(account);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "youtube:@SomeChannel, youtube:somechannel",
            "youtube:UCabcdefghijklmnopqrstuV, youtube:UCabcdefghijklmnopqrstuV",
            "reddit:u/Someone, reddit:someone",
            "bsky:Someone, bluesky:someone.bsky.social",
            "bluesky:@someone.example.org, bluesky:someone.example.org",
            "@Someone@Mastodon.Social, mastodon:someone@mastodon.social",
            "mastodon:@someone@mastodon.social, mastodon:someone@mastodon.social",
            "fediverse:someone@mastodon.social, mastodon:someone@mastodon.social"})
    void eachPlatformHasItsOwnHandleRules(String entered, String account) {
        assertThat(normalised(entered)).isEqualTo(account);
    }

    @Test
    void aHandleWithoutPlatformOrAnUnknownPlatformSaysWhatToWrite() {
        assertThat(error("@somehandle")).isEqualTo("say which platform: platform:handle, e.g. x:@handle");
        assertThat(error("myspace:@somehandle")).startsWith("unknown platform 'myspace': use one of x, facebook");
        assertThat(Pasted.PARSER.parse(ObservableType.SOCIAL_ACCOUNT, "somehandle").error())
                .isEqualTo("say which platform: platform:handle, e.g. x:@handle");
    }

    @Test
    void pagesOfThePlatformThatAreNotAccountsAreRefused() {
        assertThat(Pasted.PARSER.parse(ObservableType.SOCIAL_ACCOUNT, "https://x.com/home").error()).contains("names no x account");
        assertThat(Pasted.PARSER.parse(ObservableType.SOCIAL_ACCOUNT, "https://t.me/+AbCdEf").error()).contains("names no telegram account");
        assertThat(Pasted.PARSER.parse(ObservableType.SOCIAL_ACCOUNT, "https://evil.com/someone").error())
                .startsWith("not a profile URL on a known platform");
        assertThat(error("mastodon:@someone")).contains("names its server");
        assertThat(error("x:@some/handle")).startsWith("not a valid x handle");
    }
}
