package org.vigie.core.sharing;

import java.util.Objects;
import java.util.UUID;

/**
 * How one object is shared: who owns it, its TLP and PAP levels and its distribution. Every version
 * of an object has the same sharing (see ADR 0005): what may be read is decided per object.
 *
 * @param ownerOrganisation the organisation that stored the object; null for reference data (DISARM)
 * @param pap               may be null: no PAP marking
 */
public record Sharing(UUID ownerOrganisation, Tlp tlp, Pap pap, Distribution distribution) {

    public Sharing {
        Objects.requireNonNull(tlp, "every object carries a TLP marking");
        distribution = distribution == null ? Distribution.NONE : distribution;
    }

    public static Sharing reference() {
        return new Sharing(null, Tlp.CLEAR, Pap.CLEAR, Distribution.NONE);
    }
}
