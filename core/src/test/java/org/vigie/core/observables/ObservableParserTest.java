package org.vigie.core.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.core.observables.ObservableParser.ParsedLine;

class ObservableParserTest {

    private final ObservableParser parser = new ObservableParser();

    @Test
    void aMixedPasteIsTypedLineByLineWithItsLineNumbers() {
        String paste = """
                # seen on the night of the second round
                hxxps://vote-info[.]example-news.fr/resultats?utm_source=tg

                203.0.113.7
                300.1.2.3
                press@example-news.fr
                9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
                +33 6 12 34 56 78
                06 12 34 56 78
                telegram:@VoteInfoFR
                myspace:@someone
                example-news.fr
                ceci n'est pas un observable
                """;

        List<ParsedLine> lines = parser.parseLines(paste);

        assertThat(lines).extracting(ParsedLine::lineNumber, ParsedLine::detectedType,
                        line -> line.observable().map(Observable::normalised).orElse(null))
                .containsExactly(
                        tuple(2, ObservableType.URL, "https://vote-info.example-news.fr/resultats"),
                        tuple(4, ObservableType.IPV4, "203.0.113.7"),
                        tuple(5, ObservableType.IPV4, null),
                        tuple(6, ObservableType.EMAIL, "press@example-news.fr"),
                        tuple(7, ObservableType.FILE_HASH, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                        tuple(8, ObservableType.PHONE, "+33612345678"),
                        tuple(9, ObservableType.PHONE, null),
                        tuple(10, ObservableType.SOCIAL_ACCOUNT, "telegram:voteinfofr"),
                        tuple(11, ObservableType.SOCIAL_ACCOUNT, null),
                        tuple(12, ObservableType.DOMAIN, "example-news.fr"),
                        tuple(13, null, null));
        assertThat(lines).filteredOn(line -> !line.isValid()).extracting(ParsedLine::lineNumber, ParsedLine::error)
                .containsExactly(
                        tuple(5, "not a valid IPv4 address: 300.1.2.3 (each number is 0 to 255)"),
                        tuple(9, "phone numbers need the international prefix, e.g. +33… (a national number means different things in different countries)"),
                        tuple(11, "unknown platform 'myspace': use one of " + SocialPlatform.keys() + ", or record the account's profile URL"),
                        tuple(13, ObservableParser.UNKNOWN));
        assertThat(lines.get(0).raw()).isEqualTo("hxxps://vote-info[.]example-news.fr/resultats?utm_source=tg");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "https://example.com/a               | URL",
            "HTTP://EXAMPLE.COM                  | URL",
            "hxxp://evil[.]com                   | URL",
            "example.com/path                    | URL",
            "example.com:8080                    | URL",
            "https://x.com/SomeHandle            | URL",
            "ftp://example.com/file              | URL",
            "user@example.org                    | EMAIL",
            "user[@]example[.]org                | EMAIL",
            "mailto:user@example.org             | EMAIL",
            "203.0.113.7                         | IPV4",
            "203[.]0[.]113[.]7                   | IPV4",
            "300.1.2.3                           | IPV4",
            "2001:db8::1                         | IPV6",
            "::1                                 | IPV6",
            "[2001:db8::1]                       | IPV6",
            "d41d8cd98f00b204e9800998ecf8427e    | FILE_HASH",
            "sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709 | FILE_HASH",
            "+33 6 12 34 56 78                   | PHONE",
            "+1 (202) 555-0143                   | PHONE",
            "06 12 34 56 78                      | PHONE",
            "x:@SomeHandle                       | SOCIAL_ACCOUNT",
            "twitter:somehandle                  | SOCIAL_ACCOUNT",
            "@somehandle                         | SOCIAL_ACCOUNT",
            "@someone@mastodon.social            | SOCIAL_ACCOUNT",
            "example.com                         | DOMAIN",
            "news.example.co.uk                  | DOMAIN",
            "bücher.de                           | DOMAIN",
            "evil[.]com                          | DOMAIN"})
    void eachLineIsTypedFromItsShape(String value, ObservableType type) {
        assertThat(ObservableParser.detectType(value)).contains(type);
    }

    @Test
    void linesThatFitNoTypeAreNotGuessed() {
        assertThat(ObservableParser.detectType("hello world")).isEmpty();
        assertThat(ObservableParser.detectType("localhost")).isEmpty();
    }

    @Test
    void blankLinesAndCommentsAreSkippedButCountInLineNumbers() {
        List<ParsedLine> lines = parser.parseLines("\r\n  # note\r\n\t\r\n  evil.com  \r\n\u200B\n");
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.lineNumber()).isEqualTo(4);
            assertThat(line.raw()).isEqualTo("evil.com");
        });
        assertThat(parser.parseLines("")).isEmpty();
        assertThat(parser.parseLines(null)).isEmpty();
    }

    @Test
    void onlyNewlinesSeparateValuesBecauseCommasAndSpacesOccurInsideThem() {
        assertThat(parser.parseLines("https://example.com/a?ids=1,2;3\n+33 6 12 34 56 78"))
                .extracting(line -> line.observable().map(Observable::normalised).orElseThrow())
                .containsExactly("https://example.com/a?ids=1,2;3", "+33612345678");
    }

    @Test
    void theReporterCorrectsTheTypeOfALine() {
        ParsedLine guessed = parser.parseLines("https://x.com/SomeHandle").get(0);
        assertThat(guessed.detectedType()).isEqualTo(ObservableType.URL);

        ParsedLine corrected = parser.parse(ObservableType.SOCIAL_ACCOUNT, guessed.raw());

        assertThat(corrected.detectedType()).isEqualTo(ObservableType.SOCIAL_ACCOUNT);
        assertThat(corrected.observable()).hasValueSatisfying(account -> {
            assertThat(account.platform()).isEqualTo(SocialPlatform.X);
            assertThat(account.normalised()).isEqualTo("x:somehandle");
        });
    }

    @Test
    void aCorrectionToATypeTheValueIsNotGivesTheReason() {
        ParsedLine line = parser.parse(ObservableType.IPV4, "example.com");
        assertThat(line.isValid()).isFalse();
        assertThat(line.detectedType()).isEqualTo(ObservableType.IPV4);
        assertThat(line.error()).startsWith("not a valid IPv4 address: example.com");
    }

    @Test
    void anEmptyValueIsAnError() {
        assertThat(parser.parse(ObservableType.DOMAIN, "   ").error()).isEqualTo("empty: nothing to record");
        assertThat(parser.parse(ObservableType.URL, null).error()).isEqualTo("empty: nothing to record");
    }

    @Test
    void overlongLinesAreRefusedUnread() {
        String huge = "https://example.com/" + "a".repeat(ObservableParser.MAX_LINE_LENGTH);
        ParsedLine line = parser.parseLines(huge).get(0);
        assertThat(line.error()).startsWith("too long for an observable");
        assertThat(line.raw()).hasSizeLessThan(200);
    }

    @Test
    void hostileLinesAreAnsweredInLinearTime() {
        String paste = String.join("\n", Collections.nCopies(20, ":".repeat(4000) + "x"))
                + "\n" + String.join("\n", Collections.nCopies(20, ".".repeat(4000)));
        List<ParsedLine> lines = assertTimeout(Duration.ofSeconds(5), () -> parser.parseLines(paste));
        assertThat(lines).hasSize(40).allSatisfy(line -> assertThat(line.isValid()).isFalse());
    }

    @Test
    void aParsedLineHasAnObservableOrAnErrorNeverBoth() {
        Observable domain = Observable.of(ObservableType.DOMAIN, "evil.com", "evil.com");
        assertThatThrownBy(() -> new ParsedLine(1, "evil.com", ObservableType.DOMAIN, Optional.of(domain), "oops", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParsedLine(1, "evil.com", ObservableType.DOMAIN, Optional.empty(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlySocialAccountsHaveAPlatformAndOnlyHashesAnAlgorithm() {
        assertThatThrownBy(() -> Observable.of(ObservableType.SOCIAL_ACCOUNT, "x:a", "x:a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Observable(ObservableType.URL, "u", "u", SocialPlatform.X, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Observable(ObservableType.DOMAIN, "d", "d", null, HashAlgorithm.MD5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
