package org.vigie.core.panel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigie.core.panel.Readability.Language;
import org.vigie.core.panel.Readability.Level;

class ReadabilityTest {

    @Test
    void shortPlainEnglishSentencesScoreAsPlainLanguage() {
        Readability.Hint hint = Readability.of(Language.EN,
                "A fake website copied the election office. Do not give it your details. Vote as usual.");

        assertThat(hint.sentences()).isEqualTo(3);
        assertThat(hint.words()).isEqualTo(16);
        assertThat(hint.score()).isGreaterThanOrEqualTo(60);
        assertThat(hint.level()).isEqualTo(Level.PLAIN);
        assertThat(hint.longSentences()).isEmpty();
    }

    @Test
    void oneLongSentenceOfLongWordsIsDifficultAndPointedAt() {
        String sentence = "Notwithstanding the considerable uncertainties characterising preliminary attribution, the "
                + "interdepartmental evaluation committee determined that coordinated inauthentic amplification "
                + "substantially jeopardised institutional credibility regarding administrative organisation of "
                + "the forthcoming parliamentary consultation.";

        Readability.Hint hint = Readability.of(Language.EN, sentence);

        assertThat(hint.level()).isEqualTo(Level.DIFFICULT);
        assertThat(hint.longSentences()).containsExactly(sentence);
        assertThat(hint.longWords()).isGreaterThan(10);
    }

    @Test
    void frenchUsesKandelAndMolesSoTheSameWordsScoreDifferentlyThanWithFlesch() {
        String text = "Un faux site imite la commission électorale. Ne donnez pas vos données. Votez comme prévu.";

        Readability.Hint french = Readability.of(Language.FR, text);
        Readability.Hint english = Readability.of(Language.EN, text);

        assertThat(french.level()).isEqualTo(Level.PLAIN);
        double expected = 207 - 1.015 * french.wordsPerSentence() - 73.6 * ((double) french.syllables() / french.words());
        assertThat(french.score()).isCloseTo(Math.min(100, expected), org.assertj.core.data.Offset.offset(0.6));
        assertThat(french.score()).isNotEqualTo(english.score());
    }

    @Test
    void apostrophesAndAccentsSplitAndCountAsAReaderHearsThem() {
        assertThat(Readability.words("l'élection d'aujourd'hui")).containsExactly("l", "élection", "d", "aujourd", "hui");
        assertThat(Readability.syllables("élection", Language.FR)).isEqualTo(3);
        assertThat(Readability.syllables("pomme", Language.FR)).isEqualTo(1);
        assertThat(Readability.syllables("made", Language.EN)).isEqualTo(1);
        assertThat(Readability.syllables("table", Language.EN)).isEqualTo(2);
        assertThat(Readability.syllables("2026", Language.EN)).isEqualTo(1);
    }

    @Test
    void emptyOrBlankTextIsEmptyNotAnError() {
        assertThat(Readability.of(Language.FR, "   ").level()).isEqualTo(Level.EMPTY);
        assertThat(Readability.of(Language.EN, null).words()).isZero();
    }

    @Test
    void aParagraphBreakEndsASentenceEvenWithoutAFullStop() {
        Readability.Hint hint = Readability.of(Language.EN, "What happened\n\nA fake page asked for passwords.");

        assertThat(hint.sentences()).isEqualTo(2);
    }
}
