package org.vigie.server.taxii;

import java.util.UUID;

/**
 * One TAXII collection as a given client sees it. Collections are views of the knowledge store
 * chosen by what the client's organisation may read, never stored sets:
 * <ul>
 *   <li>{@link Kind#COMMUNITY}: objects shared into a community the organisation is an active member of (id = the community's);</li>
 *   <li>{@link Kind#ORGANISATION}: the organisation's own objects (id = the organisation's);</li>
 *   <li>{@link Kind#EVERYTHING}: everything the client may read, TLP:CLEAR of any organisation included (a fixed id).</li>
 * </ul>
 * All three apply the visibility policy and the TLP ceiling on top.
 */
public record TaxiiCollection(UUID id, Kind kind, String title, String description, boolean canRead, boolean canWrite) {

    public enum Kind { COMMUNITY, ORGANISATION, EVERYTHING }

    /** The id of the "everything I may read" collection, the same on every Vigie hub. */
    public static final UUID EVERYTHING_ID = UUID.fromString("8e6f7a1c-4c2d-4e5b-9a7f-3d2b1c0e9f01");
}
