package org.vigie.detect.coaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void theAsciiPathGivesWhatTheGeneralOneGives() {
        String[] pieces = {"a", "Vote", " ", "  ", "\t", "\n", "\u001f", "@", "@bob", "x@y", "@@z", "_", "http://t.co/x",
            "HTTPS://A.b", "www.", "www.site.org", "WWW.X", "h", "w", "#tag", "!", "9"};
        java.util.Random random = new java.util.Random(3);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder text = new StringBuilder();
            for (int p = random.nextInt(9); p > 0; p--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String ascii = text.toString();
            assertThat(TextNormalizer.normalize(ascii)).as(ascii).isEqualTo(TextNormalizer.normalizeUnicode(ascii));
        }
    }

    @Test
    void lowerCaseWithoutMentionsAndUrlsAndWithCollapsedSpaces() {
        assertThat(TextNormalizer.normalize("  @Alice VOTE   for\tthem!\n https://t.co/xyz #Now www.example.com/a "))
                .isEqualTo("vote for them! #now");
    }

    @Test
    void copiesWithOtherMentionsOrLinksGiveTheSameKey() {
        assertThat(TextNormalizer.key("@bob The election is rigged, share! https://t.co/1", 10))
                .isEqualTo(TextNormalizer.key("The  election is RIGGED, share! @carol http://bit.ly/2", 10))
                .isEqualTo("the election is rigged, share!");
    }

    @Test
    void emailAddressesAreNotMentions() {
        assertThat(TextNormalizer.normalize("write to press@example.org")).isEqualTo("write to press@example.org");
    }

    @Test
    void mentionsAndLettersBeyondAscii() {
        assertThat(TextNormalizer.normalize("Grüße @Müller_1 an alle WÄHLER\u00a0!")).isEqualTo("grüße an alle wähler !");
        assertThat(TextNormalizer.normalize("@ alone and x@@y")).isEqualTo("@ alone and x@@y");
        assertThat(TextNormalizer.normalize("WWW. is not a link, HTTP://A.B/c is")).isEqualTo("www. is not a link, is");
    }

    @Test
    void textsShorterThanTheMinimumGiveNoKey() {
        assertThat(TextNormalizer.key("@bob https://t.co/x  OK!", TextNormalizer.DEFAULT_MIN_LENGTH)).isNull();
        assertThat(TextNormalizer.key("0123456789", 10)).isEqualTo("0123456789");
        assertThat(TextNormalizer.key("012345678", 10)).isNull();
        assertThat(TextNormalizer.key(null, 10)).isNull();
    }
}
