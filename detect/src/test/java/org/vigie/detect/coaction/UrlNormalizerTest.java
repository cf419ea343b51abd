package org.vigie.detect.coaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlNormalizerTest {

    @Test
    void schemeAndHostAreLowerCasedPathAndQueryKeptAsWritten() {
        assertThat(UrlNormalizer.normalize("HTTPS://News.Example.COM/Path/To?Id=A&b=C"))
                .isEqualTo("https://news.example.com/Path/To?Id=A&b=C");
    }

    @Test
    void defaultPortsAreDroppedOthersKept() {
        assertThat(UrlNormalizer.normalize("http://example.com:80/a")).isEqualTo("http://example.com/a");
        assertThat(UrlNormalizer.normalize("https://example.com:443/a")).isEqualTo("https://example.com/a");
        assertThat(UrlNormalizer.normalize("https://example.com:80/a")).isEqualTo("https://example.com:80/a");
        assertThat(UrlNormalizer.normalize("http://example.com:8080")).isEqualTo("http://example.com:8080/");
    }

    @Test
    void fragmentsAndTrackingParametersAreDropped() {
        assertThat(UrlNormalizer.normalize("https://example.com/a?utm_source=tw&id=7&UTM_Medium=x&fbclid=abc#top"))
                .isEqualTo("https://example.com/a?id=7");
        assertThat(UrlNormalizer.normalize("https://example.com/a?gclid=1&msclkid=2&igshid=3"))
                .isEqualTo("https://example.com/a");
        assertThat(UrlNormalizer.normalize("https://example.com/a?utmost=1")).as("only the utm_ prefix")
                .isEqualTo("https://example.com/a?utmost=1");
    }

    @Test
    void spellingsOfOneLinkCompareEqual() {
        assertThat(UrlNormalizer.normalize("https://Example.com"))
                .isEqualTo(UrlNormalizer.normalize("https://example.com/"))
                .isEqualTo(UrlNormalizer.normalize("https://example.com:443/#x"))
                .isEqualTo(UrlNormalizer.normalize("https://example.com/?utm_campaign=y"));
    }

    @Test
    void valuesWithoutASchemeAreLeftAloneUnlessTheyStartWithAHostName() {
        assertThat(UrlNormalizer.normalize("23678")).isEqualTo("23678");
        assertThat(UrlNormalizer.normalize("1.5")).isEqualTo("1.5");
        assertThat(UrlNormalizer.normalize("url_12")).isEqualTo("url_12");
        assertThat(UrlNormalizer.normalize(" www.Example.com/a ")).isEqualTo("http://www.example.com/a");
        assertThat(UrlNormalizer.normalize("Youtu.be/AbC?utm_source=x")).isEqualTo("http://youtu.be/AbC");
        assertThat(UrlNormalizer.domain("youtu.be/123")).isEqualTo("youtu.be");
        assertThat(UrlNormalizer.normalize("  ")).isNull();
        assertThat(UrlNormalizer.normalize(null)).isNull();
    }

    @Test
    void theDomainIsTheHostWithoutWww() {
        assertThat(UrlNormalizer.domain("https://www.Example.com:8443/a")).isEqualTo("example.com");
        assertThat(UrlNormalizer.domain("http://user@news.example.co.uk/x")).isEqualTo("news.example.co.uk");
        assertThat(UrlNormalizer.domain("23678")).isNull();
    }
}
