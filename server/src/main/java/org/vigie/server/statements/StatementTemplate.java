package org.vigie.server.statements;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.vigie.core.panel.DecisionRule;

/**
 * The plain-language template a new statement starts from: for each part, its heading and the
 * guidance for writing it (message bundle i18n/statements), in French and in English. What it
 * pre-fills is public by construction — the panel's election, and under "how the panel decided" the
 * date and the panel's rule — never anything from the referred reports, the referral's cover note or
 * the members' assessments: those are restricted, and a statement holds only what the panel writes
 * for the public.
 */
@Component
public class StatementTemplate {

    private final MessageSource messages;

    StatementTemplate(MessageSource messages) {
        this.messages = messages;
    }

    /** One part of the template in one language. */
    public record Part(String property, String heading, String guidance) {
    }

    public record Template(UUID decisionId, UUID referralId, String panelName, List<Part> fr, List<Part> en, StatementText prefillFr,
                           StatementText prefillEn, UUID electionId) {
    }

    Template forDecision(PanelRecords.Decision decision) {
        return new Template(decision.id(), decision.referralId(), decision.panelName(), parts(Locale.FRENCH), parts(Locale.ENGLISH),
                prefill(decision, Locale.FRENCH), prefill(decision, Locale.ENGLISH), decision.panelElectionId());
    }

    public List<Part> parts(Locale locale) {
        List<Part> parts = new ArrayList<>();
        for (Section section : Section.values()) {
            parts.add(new Part(section.property(), text("statements.section." + section.key(), locale),
                    text("statements.guidance." + section.key(), locale)));
        }
        return parts;
    }

    private StatementText prefill(PanelRecords.Decision decision, Locale locale) {
        String date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale).withZone(ZoneOffset.UTC).format(decision.decidedAt());
        String rule = decision.rule().kind() == DecisionRule.Kind.CONSENSUS ? text("statements.prefill.consensus", locale)
                : text("statements.prefill.quorum", locale, decision.rule().quorum());
        return new StatementText("", "", "", "", "", text("statements.prefill.howDecided", locale, date, rule));
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
