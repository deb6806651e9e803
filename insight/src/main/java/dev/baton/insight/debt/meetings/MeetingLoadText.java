package dev.baton.insight.debt.meetings;

import java.util.Comparator;
import java.util.Locale;

/** The meeting load's lines in the terminal report: totals with coverage, the heaviest people and functions. */
public final class MeetingLoadText {

    private MeetingLoadText() {
    }

    public static String of(MeetingLoad l) {
        StringBuilder out = new StringBuilder("\nMeeting load (person-time from calendars; beside the score, not in it)\n");
        out.append(String.format(Locale.ROOT, "  %,.0f h of coordination meetings of %,.0f h of capacity (%.1f%%); "
                        + "%,.0f h in meetings in all, %,d instances%n", l.coordinationHours(), l.capacityHours(),
                100 * l.share(), l.hours(), l.instances()));
        out.append(String.format(Locale.ROOT, "  Coverage: %d of %d people have calendars in the log%s%n",
                l.peopleWithCalendars(), l.people(), l.allDay() > 0 ? "; " + l.allDay() + " all-day events not counted" : ""));
        l.byFunction().stream().sorted(Comparator.comparingDouble(MeetingLoad.Row::share).reversed()).limit(3)
                .forEach(r -> out.append(String.format(Locale.ROOT, "  function %-20s %5.1f%% (%,.0f h)%n", r.key(),
                        100 * r.share(), r.coordinationHours())));
        l.byPerson().stream().sorted(Comparator.comparingDouble(MeetingLoad.Row::share).reversed()).limit(3)
                .forEach(r -> out.append(String.format(Locale.ROOT, "  person   %-20s %5.1f%% (%,.0f h)%n", r.key(),
                        100 * r.share(), r.coordinationHours())));
        out.append(String.format(Locale.ROOT, "  Meetings that generate tasks: %d of %d meetings, %d items; %d meetings name an item%n",
                l.tasks().meetingsWithTasks(), l.tasks().meetings(), l.tasks().items(), l.linked().size()));
        if (!l.unmatched().isEmpty()) {
            out.append("  Attendees not in the model (not counted): ").append(l.unmatched().size()).append('\n');
        }
        return out.toString();
    }
}
