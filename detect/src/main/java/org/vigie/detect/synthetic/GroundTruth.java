package org.vigie.detect.synthetic;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every account of a synthetic set (in a fixed order) and, for each, its planted group or none. */
public final class GroundTruth {
    private final List<String> accounts;
    private final Map<String, String> groupOfAccount = new HashMap<>();
    private final Map<String, PlantedGroup> groups = new LinkedHashMap<>();

    GroundTruth(List<String> accounts, List<PlantedGroup> plantedGroups) {
        this.accounts = List.copyOf(accounts);
        for (PlantedGroup g : plantedGroups) {
            groups.put(g.id(), g);
            for (String m : g.members()) {
                groupOfAccount.put(m, g.id());
            }
        }
    }

    /** All accounts, organic and planted, in id-assignment order. */
    public List<String> accounts() {
        return accounts;
    }

    /** The planted group id of an account, or {@code null} when it is organic. */
    public String groupOf(String accountId) {
        return groupOfAccount.get(accountId);
    }

    public Map<String, PlantedGroup> groups() {
        return Collections.unmodifiableMap(groups);
    }

    /** Group id → member set, the form {@link GroupScore} takes. */
    public Map<String, Set<String>> memberSets() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        groups.forEach((id, g) -> out.put(id, Set.copyOf(g.members())));
        return out;
    }
}
