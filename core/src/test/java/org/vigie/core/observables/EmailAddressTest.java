package org.vigie.core.observables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.core.observables.Pasted.error;
import static org.vigie.core.observables.Pasted.keys;
import static org.vigie.core.observables.Pasted.normalised;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Jean.Dupont@Campagne-Exemple.FR", "mailto:jean.dupont@campagne-exemple.fr",
            "MAILTO:jean.dupont@campagne-exemple.fr?subject=Urgent", "<jean.dupont@campagne-exemple.fr>",
            "jean.dupont[@]campagne-exemple[.]fr", "jean.dupont(at)campagne-exemple.fr"})
    void waysOfWritingOneAddressGiveOneValue(String entered) {
        assertThat(normalised(entered)).isEqualTo("jean.dupont@campagne-exemple.fr");
    }

    @Test
    void theDomainIsPunycode() {
        assertThat(normalised("contact@bücher.de")).isEqualTo("contact@xn--bcher-kva.de");
    }

    @Test
    void providerSpecificEquivalencesAreNotApplied() {
        assertThat(normalised("j.dupont+vote@campagne-exemple.fr")).isEqualTo("j.dupont+vote@campagne-exemple.fr");
    }

    @Test
    void anAddressAlsoGivesItsRegistrableDomainUnlessItIsAWebmailProvider() {
        assertThat(keys("press@mail.campagne-exemple.fr")).containsExactly(
                new CorrelationKey("email", "press@mail.campagne-exemple.fr"),
                new CorrelationKey("domain", "campagne-exemple.fr"));
        assertThat(keys("j.dupont@gmail.com")).containsExactly(new CorrelationKey("email", "j.dupont@gmail.com"));
    }

    @Test
    void invalidAddressesSayWhichPartIsWrong() {
        assertThat(Pasted.PARSER.parse(ObservableType.EMAIL, "jean@dupont@example.fr").error()).contains("exactly one @");
        assertThat(error("jean..dupont@example.fr")).contains("the part before the @");
        assertThat(error("jean@example.notatld")).contains("has no known public suffix");
    }
}
