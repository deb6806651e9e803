package dev.baton.app.web;

import dev.baton.engine.rights.Names;
import dev.baton.insight.debt.meetings.MeetingLoad;
import dev.baton.model.OperatingModel;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's meeting-load card (docs/meetings.md): the report's own figures ({@link MeetingLoad}),
 * worded for the page; nothing is recomputed here. Privacy: the report names only meetings linked
 * to work (they name an item, or an item was created from them), so titles and attendees appear
 * for those alone and every other meeting is in the hours.
 *
 * @param shown     whether the log holds any meeting
 * @param share     coordination-meeting hours / capacity hours, for the line beside the score
 * @param summary   coordination-meeting hours of capacity, and the hours in meetings in all
 * @param coverage  how many of the model's people have calendars
 * @param tasks     the meetings-that-generate-tasks sentence
 * @param unmatched a sentence saying how many attendees no person matches (counted in no one's load; not
 *                  named here, since naming them would tell who attended a private meeting), or nothing
 */
record MeetingLoadCard(boolean shown, String share, String coverageShort, String summary, String coverage, List<Row> byPerson, List<Row> byFunction,
                       List<Row> byWeek, String tasks, List<Task> evidence, List<Linked> linked, String unmatched) {

    /** One person, function or week. */
    record Row(String key, String name, String hours, String coordinationHours, String capacityHours, String share) {
    }

    /** An item created after a meeting, naming it. */
    record Task(String item, String title, String createdBy, String meeting, String meetingStart, String after) {
    }

    /** A meeting that names work: the only meetings whose titles and attendees are shown. */
    record Linked(String title, String start, String attendees, String hours, List<String> items) {
    }

    static MeetingLoadCard of(MeetingLoad l, OperatingModel model) {
        String summary = String.format(Locale.ROOT, "%s h of coordination meetings of %s h of capacity (%s); %s h in "
                        + "meetings in all, %,d meeting instances%s.", hours(l.coordinationHours()), hours(l.capacityHours()),
                percent(l.share()), hours(l.hours()), l.instances(),
                l.allDay() > 0 ? ", " + l.allDay() + " all-day events not counted as hours" : "");
        String coverage = String.format(Locale.ROOT, "Coverage: %d of %d people of the model have calendars in the log (%s).",
                l.peopleWithCalendars(), l.people(), percent(l.coverage()));
        MeetingLoad.TaskSummary t = l.tasks();
        String tasks = String.format(Locale.ROOT, "%d of %d meetings generated tasks: %d %s created by an attendee "
                        + "afterwards, naming the meeting (routine stand-ups and 1:1s left out).", t.meetingsWithTasks(),
                t.meetings(), t.items(), t.items() == 1 ? "item" : "items");
        return new MeetingLoadCard(l.measured(), percent(l.share()),
                l.peopleWithCalendars() + " of " + l.people() + " people with calendars", summary, coverage,
                l.byPerson().stream().map(r -> row(r, Names.person(model, r.key()))).toList(),
                l.byFunction().stream().map(r -> row(r, model.function(r.key()).map(f -> f.name()).orElse(r.key()))).toList(),
                l.byWeek().stream().map(r -> row(r, r.key())).toList(), tasks,
                t.evidence().stream().map(g -> new Task(g.item(), g.title(), Names.person(model, g.createdBy()),
                        g.meetingTitle(), day(g.meetingStart()), minutes(g.minutesAfter()))).toList(),
                l.linked().stream().map(m -> new Linked(m.title(), day(m.start()), Names.and(m.attendees().stream()
                        .map(a -> Names.person(model, a)).toList()), hours(m.hours()), m.items())).toList(),
                switch (l.unmatched().size()) {
                    case 0 -> "";
                    case 1 -> " 1 attendee matched no person of the model and is counted in no one's load.";
                    default -> " " + l.unmatched().size() + " attendees matched no person of the model and are counted "
                            + "in no one's load.";
                });
    }

    private static Row row(MeetingLoad.Row r, String name) {
        return new Row(r.key(), name, hours(r.hours()), hours(r.coordinationHours()), hours(r.capacityHours()),
                percent(r.share()));
    }

    private static String hours(double h) {
        return String.format(Locale.ROOT, h >= 100 ? "%,.0f" : "%.1f", h);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** "2026-03-16 09:00" from an instant's text. */
    private static String day(String instant) {
        return instant == null ? "" : instant.replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", "");
    }

    private static String minutes(long m) {
        return m < 120 ? m + " min" : String.format(Locale.ROOT, "%.1f h", m / 60.0);
    }
}
