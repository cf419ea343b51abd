package org.vigie.server.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.vigie.core.accounts.Member;
import org.vigie.core.sharing.Tlp;
import org.vigie.server.knowledge.KnowledgeStore;
import org.vigie.server.knowledge.SharingRequest;
import org.vigie.server.knowledge.StoredObject;
import org.vigie.server.organisations.Organisations;
import org.vigie.server.web.InvalidFieldException;

/**
 * Comments on a report: STIX notes referring to the incident, each with its own marking, written by
 * anyone who can see the report (corrections from other organisations come this way). They are
 * listed only to readers of the report, and each only to those its own marking allows.
 */
@Component
class ReportComments {

    static final int TEXT_MAX = 10_000;

    private final Reports reports;
    private final KnowledgeStore store;
    private final Organisations organisations;
    private final ObjectMapper json;
    private final Clock clock;

    ReportComments(Reports reports, KnowledgeStore store, Organisations organisations, ObjectMapper json, Clock clock) {
        this.reports = reports;
        this.store = store;
        this.organisations = organisations;
        this.json = json;
        this.clock = clock;
    }

    /** A comment as shown: who wrote it (organisation and person), when, its text (Markdown) and its marking. */
    public record Comment(String id, Instant created, String author, String organisation, String text, Tlp tlp) {
    }

    List<Comment> of(Member reader, String reportId) {
        reports.get(reader, reportId); // 404 unless the reader may see the report itself
        return store.notesAbout(reader, reportId).stream().map(this::comment).toList();
    }

    Comment add(Member author, String reportId, String text, SharingRequest sharing) {
        reports.get(author, reportId);
        Reports.ensureMayReport(author);
        String content = text == null ? "" : text.strip();
        if (content.isEmpty()) {
            throw new InvalidFieldException("text", "reports.comment.empty", "Write the comment.");
        }
        if (content.length() > TEXT_MAX) {
            throw new InvalidFieldException("text", "reports.comment.long", "A comment is at most " + TEXT_MAX + " characters.");
        }
        if (sharing.tlp() == null) {
            throw new InvalidFieldException("tlp", "reports.tlp.required", "Choose a TLP marking for the comment.");
        }
        Instant now = ReportStix.stixTime(clock.instant());
        ObjectNode note = json.createObjectNode();
        note.put("type", "note");
        note.put("spec_version", "2.1");
        note.put("id", "note--" + UUID.randomUUID());
        note.put("created", ReportStix.timestamp(now));
        note.put("modified", ReportStix.timestamp(now));
        note.put("content", content);
        note.putArray("authors").add(author.username());
        note.putArray("object_refs").add(reportId);
        store.store(author, List.of(note), "", sharing, false);
        return comment(store.get(author, note.get("id").asText(), java.util.Optional.empty()));
    }

    private Comment comment(StoredObject note) {
        String organisation = note.sharing().ownerOrganisation() == null ? ""
                : organisations.find(note.sharing().ownerOrganisation()).map(o -> o.name()).orElse("");
        return new Comment(note.stixId(), Instant.parse(note.object().path("created").asText(note.modified().toString())),
                note.object().path("authors").path(0).asText(""), organisation, note.object().path("content").asText(""),
                note.sharing().tlp());
    }
}
