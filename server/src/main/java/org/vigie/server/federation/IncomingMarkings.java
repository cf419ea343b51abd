package org.vigie.server.federation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigie.core.sharing.Tlp;

/**
 * Decides, before anything is stored, whether an object a peer sent may be kept here: its TLP
 * (the highest of its object and granular markings) must be at most the peer's accepted level, and
 * TLP:AMBER+STRICT and TLP:RED are never kept whatever the setting (they name people and
 * organisations of the peer's hub, not ours). An object without a TLP marking is read as
 * TLP:GREEN: unmarked is not public (TLP 2.0), and GREEN keeps it within the chosen community.
 */
final class IncomingMarkings {

    /** The level an unmarked object is kept at. */
    static final Tlp UNMARKED = Tlp.GREEN;

    sealed interface Verdict permits Accept, Skip, Reject {
    }

    /** Keep it, at this TLP. */
    record Accept(Tlp tlp) implements Verdict {
    }

    /** Deliberately not kept (above the accepted TLP). */
    record Skip(String reason) implements Verdict {
    }

    /** Not an object we can read at all. */
    record Reject(String reason) implements Verdict {
    }

    private IncomingMarkings() {
    }

    static Verdict judge(JsonNode object, Tlp accepted) {
        if (object == null || !object.isObject()) {
            return new Reject("not a JSON object");
        }
        if (!object.path("id").isTextual() || !object.path("type").isTextual()) {
            return new Reject("has no \"id\" or \"type\"");
        }
        List<String> refs = new ArrayList<>();
        object.path("object_marking_refs").forEach(r -> refs.add(r.asText()));
        object.path("granular_markings").forEach(g -> refs.add(g.path("marking_ref").asText()));
        Optional<Tlp> highest = refs.stream().map(Tlp::ofMarkingDefinition).flatMap(Optional::stream)
                .max(Enum::compareTo);
        boolean isMarking = "marking-definition".equals(object.path("type").asText());
        Tlp tlp = highest.orElse(isMarking ? Tlp.CLEAR : UNMARKED);
        if (tlp == Tlp.AMBER_STRICT || tlp == Tlp.RED) {
            return new Skip(tlp.label() + " is never accepted from a peer");
        }
        Tlp ceiling = accepted.compareTo(Tlp.AMBER) > 0 ? Tlp.AMBER : accepted;
        if (tlp.compareTo(ceiling) > 0) {
            return new Skip(tlp.label() + " is above the accepted " + ceiling.label());
        }
        return new Accept(tlp);
    }
}
