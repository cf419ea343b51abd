package org.vigie.server.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.vigie.server.reference.DisarmFramework;

/**
 * Stores the DISARM framework (tactics, techniques, sub-technique relationships, normalised to
 * {@code kill_chain_name: "disarm"}) in the knowledge store as TLP:CLEAR reference data, so reports
 * can reference DISARM attack-patterns by id and every read path sees them. Once per version.
 */
@Component
class DisarmPublication implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DisarmPublication.class);

    private final KnowledgeStore store;
    private final DisarmFramework disarm;

    DisarmPublication(KnowledgeStore store, DisarmFramework disarm) {
        this.store = store;
        this.disarm = disarm;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int stored = store.publishReference(disarm.stixObjects());
        if (stored > 0) {
            log.info("Published {} DISARM {} objects as reference data", stored, DisarmFramework.VERSION);
        }
    }
}
