package org.vigie.server.publicsite;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A statement as the public sees it: the approved version's text in French and English, the public
 * classification the panel chose, the panel that decided (its name only) and the dated corrections.
 * Nothing here comes from a report, a referral, an assessment or a decision.
 *
 * @param incidentType a {@link org.vigie.core.reports.IncidentType} name, or null when not classified
 * @param cyclePhase   a {@link org.vigie.core.taxonomy.CyclePhase} name, or null when not classified
 */
public record PublishedStatement(UUID id, String slug, Instant publishedAt, Map<Language, Text> texts, String incidentType,
                                 String cyclePhase, Election election, Panel panel, List<Correction> corrections) {

    /** The plain-language template's sections, as approved. */
    public record Text(String title, String whatHappened, String whoIsAffected, String whatToDo, String whatIsBeingDone,
                       String howThePanelDecided) {
    }

    /** The public facts of an election: its name and its day. */
    public record Election(String name, LocalDate electionDay) {
    }

    public record Panel(UUID id, String name) {
    }

    /** A dated addition to a published statement (a statement is never edited once published). */
    public record Correction(UUID id, Instant publishedAt, String textFr, String textEn) {

        public String text(Language language) {
            return language == Language.FR ? textFr : textEn;
        }
    }

    public Text text(Language language) {
        return texts.get(language);
    }

    /** When it last changed for a reader: its publication or its latest correction. */
    public Instant updatedAt() {
        return corrections.isEmpty() ? publishedAt : corrections.get(corrections.size() - 1).publishedAt();
    }

    PublishedStatement withCorrections(List<Correction> all) {
        return new PublishedStatement(id, slug, publishedAt, texts, incidentType, cyclePhase, election, panel, List.copyOf(all));
    }
}
