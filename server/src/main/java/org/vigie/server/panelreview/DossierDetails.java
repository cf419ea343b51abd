package org.vigie.server.panelreview;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigie.server.panelreview.DossierEvent.Detail;

/**
 * Reads an entry's JSON detail (built by the dossier query from the V19 rows) into its typed form.
 * Lenient on purpose: the dossier must print whatever was recorded, so an unexpected shape is shown
 * as text rather than refused. Account ids in tallies and dissent become the members' names.
 */
final class DossierDetails {

    private DossierDetails() {
    }

    /**
     * @param names  display names of the panels' members, by account id
     * @param titles titles of the subjects the reader may see, by id (absent: restricted)
     */
    static Detail of(DossierEvent.Kind kind, JsonNode d, Map<UUID, String> names, Map<String, String> titles) {
        return switch (kind) {
            case REFERRAL -> new DossierEvent.Referral(text(d, "panel"), text(d, "kind"), text(d, "title"), text(d, "coverNote"),
                    text(d, "organisation"), subjects(d.path("subjects"), titles));
            case REFERRAL_WITHDRAWN -> new DossierEvent.ReferralWithdrawn();
            case RECUSAL -> new DossierEvent.Recusal(text(d, "organisation"), text(d, "reason"));
            case ASSESSMENT -> new DossierEvent.Assessment(d.path("revision").asInt(1), criteria(d.path("criteria")),
                    options(d.path("responseOptions")), text(d, "position"), text(d, "rationale"));
            case DECISION -> decision(d, names);
            case STATEMENT_VERSION -> new DossierEvent.StatementVersion(text(d, "slug"), d.path("version").asInt(), text(d, "titleFr"),
                    text(d, "titleEn"), text(d, "incidentType"), text(d, "cyclePhase"));
            case STATEMENT_APPROVAL -> new DossierEvent.StatementApproval(text(d, "slug"), d.path("version").asInt());
            case NOTICE -> new DossierEvent.Notice(text(d, "slug"), text(d, "kind"), text(d, "organisation"), uuid(d, "batch"),
                    text(d, "channel"), text(d, "status"), instant(d, "deliveredAt"));
            case PUBLICATION -> new DossierEvent.Publication(text(d, "slug"), d.hasNonNull("version") ? d.get("version").asInt() : null,
                    text(d, "titleFr"), text(d, "titleEn"), instant(d, "scheduledFor"), uuid(d, "decision"));
            case STATEMENT_WITHDRAWN -> new DossierEvent.StatementWithdrawn(text(d, "slug"));
            case STATEMENT_CORRECTION -> new DossierEvent.StatementCorrection(text(d, "slug"), text(d, "textFr"), text(d, "textEn"));
        };
    }

    private static List<DossierEvent.SubjectLine> subjects(JsonNode subjects, Map<String, String> titles) {
        List<DossierEvent.SubjectLine> lines = new ArrayList<>();
        for (JsonNode s : subjects) {
            String id = s.path("id").asText();
            lines.add(new DossierEvent.SubjectLine(id, s.path("type").asText(), titles.get(id)));
        }
        return List.copyOf(lines);
    }

    private static List<DossierEvent.CriterionAnswer> criteria(JsonNode criteria) {
        List<DossierEvent.CriterionAnswer> answers = new ArrayList<>();
        for (JsonNode c : criteria) {
            answers.add(new DossierEvent.CriterionAnswer(text(c, "criterion"), text(c, "rating"), text(c, "justification")));
        }
        return List.copyOf(answers);
    }

    private static List<DossierEvent.OptionNote> options(JsonNode options) {
        List<DossierEvent.OptionNote> notes = new ArrayList<>();
        for (JsonNode o : options) {
            notes.add(o.isTextual() ? new DossierEvent.OptionNote(o.asText(), null) : new DossierEvent.OptionNote(text(o, "option"), text(o, "note")));
        }
        return List.copyOf(notes);
    }

    private static DossierEvent.Decision decision(JsonNode d, Map<UUID, String> names) {
        JsonNode tally = d.path("tally");
        List<DossierEvent.MemberPosition> positions = new ArrayList<>();
        tally.path("positions").fields().forEachRemaining(p -> positions.add(new DossierEvent.MemberPosition(name(p.getKey(), names),
                p.getValue().isTextual() ? p.getValue().asText() : p.getValue().toString())));
        positions.sort(java.util.Comparator.comparing(DossierEvent.MemberPosition::member, String.CASE_INSENSITIVE_ORDER));
        List<String> recused = new ArrayList<>();
        for (JsonNode r : tally.path("recused")) {
            recused.add(name(r.isTextual() ? r.asText() : text(r, "account"), names));
        }
        List<DossierEvent.Dissent> dissent = new ArrayList<>();
        for (JsonNode x : d.path("dissent")) {
            dissent.add(new DossierEvent.Dissent(name(text(x, "account"), names), text(x, "position"), text(x, "rationale")));
        }
        Integer quorum = tally.hasNonNull("quorum") && tally.get("quorum").canConvertToInt() ? tally.get("quorum").asInt() : null;
        return new DossierEvent.Decision(uuid(d, "id"), text(d, "outcome"), text(tally, "rule"), quorum, List.copyOf(positions),
                List.copyOf(recused), List.copyOf(dissent), options(d.path("responseOptions")), text(d, "rationale"), uuid(d, "corrects"),
                text(d, "correctionReason"));
    }

    /** A member's name; the id itself when the account is not a member of the panels in scope. */
    private static String name(String accountId, Map<UUID, String> names) {
        if (accountId == null) {
            return null;
        }
        try {
            return names.getOrDefault(UUID.fromString(accountId), accountId);
        } catch (IllegalArgumentException e) {
            return accountId;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    private static UUID uuid(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : UUID.fromString(value);
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null || value.isEmpty() ? null : Instant.parse(value);
    }
}
