package dev.baton.insight.tools;

import java.util.Locale;

/** The sentence that says what the tool-switching figures mean. */
final class Words {

    private Words() {
    }

    static String summary(int systems, long actions, long matched, Switches s, long duplicates) {
        if (systems < 2) {
            return systems == 0 ? "No actions in any tool." : "All work is recorded in one system: nothing to switch between.";
        }
        if (matched == 0) {
            return String.format(Locale.ROOT, "%d systems, but none of their %,d actions could be matched to a person "
                    + "of the model: give people an email or map the tools' users.", systems, actions);
        }
        return String.format(Locale.ROOT, "%,d switches between %d systems on %,d of %,d person-days (%.1f a person-day); "
                        + "%,d stages tracked in two systems. Counted on %.0f%% of actions, those matched to a person.",
                s.total(), systems, s.multiToolDays(), s.personDays(),
                s.personDays() == 0 ? 0.0 : (double) s.total() / s.personDays(), duplicates, 100.0 * matched / actions);
    }
}
