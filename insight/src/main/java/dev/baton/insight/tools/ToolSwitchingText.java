package dev.baton.insight.tools;

import dev.baton.insight.tools.ToolSwitching.DuplicateTracking;
import dev.baton.insight.tools.ToolSwitching.Identity;
import dev.baton.insight.tools.ToolSwitching.Integration;
import dev.baton.insight.tools.ToolSwitching.PersonDay;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The tool-switching section of the report for a terminal: the figures and a few of each kind of evidence. */
public final class ToolSwitchingText {

    /** Rows of each list shown on a terminal; the JSON has up to {@link ToolUse#SHOWN}. */
    static final int ROWS = 5;

    private ToolSwitchingText() {
    }

    public static String render(ToolSwitching t) {
        StringBuilder out = new StringBuilder("Tool switching (not in the score)\n");
        out.append("  ").append(t.summary()).append('\n');
        if (t.sources().isEmpty()) {
            return out.toString();
        }
        out.append("  Systems: ").append(t.sources().stream().map(s -> String.format(Locale.ROOT, "%s %,d events",
                s.source(), s.events())).collect(Collectors.joining("; "))).append('\n');
        List<Integration> pairs = t.integrations();
        if (!pairs.isEmpty()) {
            out.append("  Integrations that would remove the most switches\n");
            pairs.stream().limit(ROWS).forEach(i -> out.append(String.format(Locale.ROOT,
                    "    %s ↔ %s: %,d switches on %,d person-days (%s)%n", i.between(), i.and(), i.switches(),
                    i.personDays(), String.join(", ", i.people()))));
        }
        List<PersonDay> days = t.busiestDays();
        if (!days.isEmpty()) {
            out.append("  Busiest person-days\n");
            days.stream().limit(ROWS).forEach(d -> out.append(String.format(Locale.ROOT, "    %s %s: %d switches, %s%n",
                    d.person(), d.day(), d.switches(), d.sequence())));
        }
        if (t.duplicatesTotal() > 0) {
            out.append(String.format(Locale.ROOT, "  Stages tracked in two systems: %,d%n", t.duplicatesTotal()));
            t.duplicates().stream().limit(ROWS).forEach(d -> out.append("    ").append(sentence(d)).append('\n'));
        }
        List<Identity> unmatched = t.unmatched();
        if (!unmatched.isEmpty()) {
            out.append(String.format(Locale.ROOT, "  Users not matched to a person (%d; their actions are not counted)%n",
                    unmatched.size()));
            unmatched.stream().limit(2L * ROWS).forEach(i -> out.append(String.format(Locale.ROOT, "    %s '%s' ×%,d%s%n",
                    i.source(), i.user(), i.events(), i.candidates().isEmpty() ? ""
                            : ": could be " + String.join(" or ", i.candidates()))));
        }
        return out.toString();
    }

    /** "campaign 'build' in jira (UT-3, 2026-03-02) and gitlab (acme/site#5, 2026-03-02): 'acme/site#5' names 'UT-3'". */
    public static String sentence(DuplicateTracking d) {
        return String.format(Locale.ROOT, "'%s' in %s (%s, %s) and %s (%s, %s): %s", d.stage(), d.firstSource(),
                d.firstItem(), d.firstAt().substring(0, 10), d.secondSource(), d.secondItem(),
                d.secondAt().substring(0, 10), d.link());
    }
}
