package org.vigie.server.reference;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.vigie.core.taxonomy.CyclePhase;
import org.vigie.core.taxonomy.ElectionStage;
import org.vigie.core.taxonomy.TargetCategory;

/**
 * The label of each value of the election taxonomy, from the reference bundle: keys
 * {@code taxonomy.stage.*}, {@code taxonomy.phase.*} and {@code taxonomy.target.*} followed by the
 * constant's name.
 */
public final class TaxonomyLabels {

    public static final String STAGE = "taxonomy.stage.";
    public static final String PHASE = "taxonomy.phase.";
    public static final String TARGET = "taxonomy.target.";

    private final MessageSource messages;

    public TaxonomyLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String stage(ElectionStage stage, Locale locale) {
        return messages.getMessage(STAGE + stage.name(), null, locale);
    }

    public String phase(CyclePhase phase, Locale locale) {
        return messages.getMessage(PHASE + phase.name(), null, locale);
    }

    public String target(TargetCategory target, Locale locale) {
        return messages.getMessage(TARGET + target.name(), null, locale);
    }
}
