package dev.baton.app.web;

import dev.baton.insight.tools.ToolSwitching;
import dev.baton.insight.tools.ToolSwitchingText;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The dashboard's tool-switching card: the report's own figures ({@link ToolSwitching}), worded
 * for the page; nothing is recomputed here.
 *
 * @param shown      whether the log has actions in any system at all
 * @param duplicates one sentence per stage tracked in two systems
 * @param stages     "build: jira 60%, gitlab 40%" per stage
 */
record ToolSwitchingCard(boolean shown, ToolSwitching t, String coverage, String perPersonDay, List<String> duplicates,
                         List<String> stages) {

    static ToolSwitchingCard of(ToolSwitching t) {
        return new ToolSwitchingCard(!t.sources().isEmpty(), t,
                String.format(Locale.ROOT, "%.0f%%", 100 * t.coverage()),
                String.format(Locale.ROOT, "%.1f", t.switchesPerPersonDay()),
                t.duplicates().stream().map(ToolSwitchingText::sentence).toList(),
                t.stages().stream().map(s -> s.stage() + ": " + s.bySource().entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / s.events()))
                        .collect(Collectors.joining(", "))).toList());
    }
}
