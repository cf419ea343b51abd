package org.vigie.core.sharing;

import java.util.Arrays;
import java.util.Optional;

/**
 * Traffic Light Protocol 2.0 (FIRST), with the STIX 2.1 marking-definition ids that OASIS publishes
 * for it. TLP 1.0 ids are recognised on import and read as their 2.0 counterparts (WHITE is CLEAR).
 */
public enum Tlp {
    CLEAR("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"),
    GREEN("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"),
    AMBER("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"),
    AMBER_STRICT("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", null),
    RED("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");

    private final String markingDefinitionId;
    private final String tlp1MarkingDefinitionId;

    Tlp(String markingDefinitionId, String tlp1MarkingDefinitionId) {
        this.markingDefinitionId = markingDefinitionId;
        this.tlp1MarkingDefinitionId = tlp1MarkingDefinitionId;
    }

    /** The id of the STIX 2.1 marking-definition for this TLP 2.0 level. */
    public String markingDefinitionId() {
        return markingDefinitionId;
    }

    /** "TLP:AMBER+STRICT", as people write it. */
    public String label() {
        return "TLP:" + name().replace('_', '+');
    }

    /** The TLP level a marking-definition id stands for (2.0, or 1.0 read as 2.0). */
    public static Optional<Tlp> ofMarkingDefinition(String id) {
        return Arrays.stream(values())
                .filter(t -> t.markingDefinitionId.equals(id) || id.equals(t.tlp1MarkingDefinitionId))
                .findFirst();
    }

    /** Accepts CLEAR, AMBER_STRICT, AMBER+STRICT, TLP:AMBER+STRICT, in any case; WHITE is read as CLEAR. */
    public static Optional<Tlp> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(java.util.Locale.ROOT).replaceFirst("^TLP:", "").replace('+', '_').replace('-', '_');
        if (name.equals("WHITE")) {
            return Optional.of(CLEAR);
        }
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
