package org.vigie.core.sharing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Permissible Actions Protocol: what a recipient may do with information (CLEAR: anything; GREEN:
 * active actions allowed; AMBER: passive actions only; RED: non-detectable actions only). PAP has no
 * OASIS marking-definition ids; Vigie publishes statement marking-definitions with stable ids
 * derived from the level's name, so every Vigie hub uses the same ones.
 */
public enum Pap {
    CLEAR, GREEN, AMBER, RED;

    public String label() {
        return "PAP:" + name();
    }

    public String markingDefinitionId() {
        return "marking-definition--" + UUID.nameUUIDFromBytes(("vigie:" + label()).getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<Pap> ofMarkingDefinition(String id) {
        return Arrays.stream(values()).filter(p -> p.markingDefinitionId().equals(id)).findFirst();
    }

    public static Optional<Pap> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replaceFirst("^PAP:", "").replace("WHITE", "CLEAR");
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }
}
