package org.vigie.server.sharing;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.vigie.core.organisations.Sector;
import org.vigie.core.sharing.InformationKind;
import org.vigie.core.sharing.Tlp;

/**
 * One line of a charter: organisations of these sectors are expected to share these kinds of
 * information, marked by default at this TLP level.
 */
public record SharingObjective(List<Sector> sectors, List<InformationKind> kinds, Tlp defaultTlp) {

    public SharingObjective {
        sectors = sectors == null ? List.of() : List.copyOf(sectors.stream().filter(Objects::nonNull).toList());
        kinds = kinds == null ? List.of() : List.copyOf(kinds.stream().filter(Objects::nonNull).toList());
    }

    /** The same objective with each sector and kind once, in the order their enums declare them. */
    SharingObjective normalised() {
        return new SharingObjective(distinctSorted(sectors), distinctSorted(kinds), defaultTlp);
    }

    private static <E extends Enum<E>> List<E> distinctSorted(Collection<E> values) {
        return values.stream().distinct().sorted().toList();
    }
}
