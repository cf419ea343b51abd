package org.vigie.server.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.server.support.BrowserSession;
import org.vigie.server.support.Fixtures;
import org.vigie.server.support.MutableClock;
import org.vigie.server.support.VigieTest;

/** The statement pages, in English and French: the template form, the live readability hint, approval, the notice page. */
@VigieTest
class StatementPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    Publication publication;

    Fixtures fixtures;
    StatementFixtures panel;

    @BeforeEach
    void setUp() {
        panel = new StatementFixtures(port, context, jdbc);
        fixtures = panel.fixtures();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private BrowserSession browser(String username, String language) {
        return BrowserSession.signedIn(port, username, Fixtures.PASSWORD, language);
    }

    private static String[] form(UUID decision, String whatHappenedFr) {
        List<String> fields = new ArrayList<>(List.of("decisionId", decision.toString(), "incidentType", "IMPERSONATION", "cyclePhase",
                "CAMPAIGN", "electionId", ""));
        for (String lang : List.of("fr", "en")) {
            fields.addAll(List.of(lang + ".title", "fr".equals(lang) ? "Faux site de la commission" : "Fake commission website",
                    lang + ".whatHappened", "fr".equals(lang) ? whatHappenedFr : "A fake site copies the commission.",
                    lang + ".whoIsAffected", "Voters.", lang + ".whatToDo", "Check the address.",
                    lang + ".whatIsBeingDone", "It is being taken down.", lang + ".howThePanelDecided", "By consensus."));
        }
        return fields.toArray(String[]::new);
    }

    @Test
    void aMemberDraftsFromTheTemplateWithTheLiveReadabilityHintAndApproves() {
        StatementFixtures.Case c = panel.decided(1, null, "PUBLIC_ANNOUNCEMENT");
        BrowserSession member = browser(c.members().get(0).username(), "en");

        BrowserSession.Page list = member.get("/statements");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"/statements\"", "/statements/new?decision=" + c.decision());

        BrowserSession.Page form = member.get("/statements/new?decision=" + c.decision());
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("What happened", "Who is affected", "What citizens should do", "What is being done",
                "How the panel decided", "Ce qui s’est passé", "Comment le panel a décidé", "by consensus");
        assertThat(form.body()).contains("hx-post=\"/statements/readability?language=fr\"", "hx-post=\"/statements/readability?language=en\"");
        assertThat(form.body()).doesNotContain(StatementFixtures.RESTRICTED_TITLE, StatementFixtures.RESTRICTED_NOTE, "The panel's rationale", "Justification of");

        BrowserSession.Page hint = member.submitFields("/statements/readability?language=en", "en.whatHappened",
                "A fake site copies the commission. Do not give it your details. Vote as usual.");
        assertThat(hint.status()).isEqualTo(200);
        assertThat(hint.text()).contains("Plain language", "Reading ease", "Flesch");
        BrowserSession.Page hard = member.submitFields("/statements/readability?language=fr", "fr.whatHappened",
                "Nonobstant les considérables incertitudes caractérisant l’attribution préliminaire, le comité interministériel "
                        + "d’évaluation a déterminé que l’amplification coordonnée inauthentique compromettait substantiellement la "
                        + "crédibilité institutionnelle relative à l’organisation administrative de la consultation parlementaire.");
        assertThat(hard.text()).contains("Difficult", "Kandel and Moles", "Sentences of more than 25 words").doesNotContain("Plain language");

        BrowserSession.Page drafted = member.submitFields("/statements", form(c.decision(), "Un faux site imite la commission."));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(302);
        BrowserSession.Page page = member.follow(drafted);
        assertThat(page.text()).contains("Fake commission website", "Faux site de la commission", "Draft", "Approve version 1");

        UUID id = UUID.fromString(drafted.location().replaceAll(".*/statements/([0-9a-f-]{36}).*", "$1"));
        BrowserSession.Page approved = member.follow(member.submitFields("/statements/" + id + "/approve", "version", "1"));
        assertThat(approved.text()).contains("Approved", "Version 1 is approved");
    }

    @Test
    void anEmptyFrenchPartIsRefusedOnTheFormWithTheReasonAndNothingSaved() {
        StatementFixtures.Case c = panel.decided(1, null, "PUBLIC_ANNOUNCEMENT");
        BrowserSession member = browser(c.members().get(0).username(), "fr");
        member.get("/statements/new?decision=" + c.decision());

        BrowserSession.Page refused = member.submitFields("/statements", form(c.decision(), "  "));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("Chaque partie du modèle est requise", "fr.whatHappened");
        assertThat(refused.body()).contains("id=\"fr-whatHappened\"").containsPattern("name=\"fr.whatHappened\"[^>]*aria-invalid=\"true\"");
        assertThat(refused.text()).contains("A fake site copies the commission.");
        assertThat(jdbc.sql("SELECT count(*) FROM panel_statements WHERE decision_id = :d").param("d", c.decision()).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void theStatementPageIsInFrenchAndTheNoticePageOpensToItsRecipientsOnly() {
        StatementFixtures.Case c = panel.decided(1, null, "PUBLIC_ANNOUNCEMENT");
        UUID party = fixtures.organisation("POLITICAL_PARTY");
        StatementFixtures.Person partyAnalyst = panel.person(party, "ANALYST");
        var api = c.members().get(0).client();
        UUID id = UUID.fromString(api.post("/api/v1/statements", StatementFixtures.request(c.decision(), "pages")).json()
                .at("/statement/id").asText());
        api.post("/api/v1/statements/" + id + "/approvals", Map.of("version", 1));
        Instant at = clock.instant().plus(3, ChronoUnit.HOURS);
        api.put("/api/v1/statements/" + id + "/schedule", Map.of("scheduledFor", at.toString()));

        BrowserSession french = browser(c.members().get(0).username(), "fr");
        BrowserSession.Page page = french.get("/statements/" + id);
        assertThat(page.text()).contains("Approbation par le panel", "Approuvée", "Avis avant publication", "Aucun avis envoyé",
                "Faux site de la commission pages");

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        publication.runDue();

        BrowserSession recipient = browser(partyAnalyst.username(), "en");
        BrowserSession.Page notice = recipient.get("/statements/" + id + "/notice");
        assertThat(notice.status()).isEqualTo(200);
        assertThat(notice.text()).contains("Notice before publication", "under embargo", "Fake election commission website pages",
                "Faux site de la commission pages");
        assertThat(notice.text()).doesNotContain("Approval by the panel", "restricted");
        assertThat(recipient.get("/statements/" + id).status()).as("the panel's page stays the panel's").isEqualTo(404);

        BrowserSession outsider = browser(panel.person(fixtures.organisation("MEDIA"), "ANALYST").username(), "en");
        assertThat(outsider.get("/statements/" + id + "/notice").status()).isEqualTo(404);
        assertThat(french.get("/statements/" + id).text()).contains("Lot", "Pré-annonce", "Cible (privé)");
    }
}
