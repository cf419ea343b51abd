package org.vigie.server.sharing;

import java.util.List;
import java.util.Objects;

/**
 * A community's charter: a free-text preamble and the sharing objectives its members commit to.
 * Stored as JSON ({@code {"preamble", "objectives": [{"sectors", "kinds", "defaultTlp"}]}}); every
 * change makes a new version that each member organisation must accept again.
 */
public record Charter(String preamble, List<SharingObjective> objectives) {

    public Charter {
        preamble = preamble == null ? "" : preamble;
        objectives = objectives == null ? List.of() : List.copyOf(objectives.stream().filter(Objects::nonNull).toList());
    }

    /** A charter that is only text, as some clients send it. */
    public static Charter text(String preamble) {
        return new Charter(preamble, List.of());
    }

    /** Trimmed preamble, each objective's sectors and kinds once and in a stable order: what is stored and compared. */
    Charter normalised() {
        return new Charter(preamble.strip(), objectives.stream().map(SharingObjective::normalised).toList());
    }
}
