package org.vigie.server.monitoring;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.input.ErrorBudget;
import org.vigie.detect.pipeline.DetectionSettings;

/**
 * What an analyst chose for a run, as stored with it: the co-action types (keys such as {@code co-link}),
 * the window in seconds ({@link DetectionSettings#AUTO_WINDOW} to estimate it from the data) and the
 * error budget ({@code 1%} or a number of rows). Everything else is {@link DetectionSettings#defaults()},
 * so that a run in the web application finds what {@code ./vigie detect} finds with the same choices.
 */
public record RunSettings(List<String> types, long windowSeconds, String maxErrors) {

    public RunSettings {
        types = List.copyOf(types);
    }

    /** The defaults of {@code ./vigie detect}. */
    public static RunSettings defaults() {
        DetectionSettings defaults = DetectionSettings.defaults();
        return new RunSettings(defaults.types().stream().sorted().map(CoActionType::key).toList(), defaults.windowSeconds(), "1%");
    }

    public boolean autoWindow() {
        return windowSeconds == DetectionSettings.AUTO_WINDOW;
    }

    DetectionSettings detection() {
        Set<CoActionType> chosen = EnumSet.noneOf(CoActionType.class);
        types.forEach(key -> chosen.add(CoActionType.fromKey(key)));
        return DetectionSettings.defaults().withTypes(chosen).withWindow(windowSeconds);
    }

    ErrorBudget budget() {
        return ErrorBudget.parse(maxErrors);
    }
}
