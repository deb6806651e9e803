package dev.baton.insight.debt.meetings;

import java.util.List;
import java.util.Map;

/**
 * Meeting load as person-time: the hours people spent in meetings, how many of them were
 * coordination, and what that is of their capacity, per person, function and ISO week. A measure
 * of its own beside the stage-time coordination share of the debt report: different units, never
 * added, and not part of the score (docs/debt.md, docs/meetings.md).
 *
 * Privacy: titles and attendees appear only for meetings linked to work (they name an item, or an
 * item was created from them); every other meeting is in the hours alone.
 *
 * @param peopleWithCalendars people of the model who attended at least one meeting in the log
 * @param people              people the model declares
 * @param coverage            peopleWithCalendars / people (0 without people)
 * @param instances           meeting instances counted (all-day ones not among them)
 * @param allDay              all-day events: days, not meeting hours
 * @param hours               person-hours in meetings (an instance counts once for each attendee)
 * @param coordinationHours   of those, in coordination meetings
 * @param capacityHours       capacity of the people with calendars over the weeks the meetings span
 * @param share               coordinationHours / capacityHours (0 when no capacity)
 * @param unmatched           attendees not mapped to a person of the model, with their instance counts
 * @param linked              meetings that name an item: the only ones whose titles are shown
 * @param tasks               items created by an attendee within the window after a meeting, naming it
 */
public record MeetingLoad(long peopleWithCalendars, long people, double coverage, long instances, long allDay,
                          double hours, double coordinationHours, double capacityHours, double share,
                          List<Row> byPerson, List<Row> byFunction, List<Row> byWeek, Map<String, Long> unmatched,
                          List<LinkedMeeting> linked, TaskSummary tasks) {

    public static final MeetingLoad NONE = new MeetingLoad(0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(),
            Map.of(), List.of(), new TaskSummary(0, 0, 0, List.of()));

    /** Whether the log holds any meeting: without one the report says nothing about meetings. */
    public boolean measured() {
        return instances > 0 || allDay > 0;
    }

    /** One person, function or week: hours in meetings, coordination hours, capacity and their share. */
    public record Row(String key, double hours, double coordinationHours, double capacityHours, double share) {
    }

    /** A meeting that names work items (title or description), its hours and the items. */
    public record LinkedMeeting(String uid, String start, String title, List<String> attendees, double hours,
                                List<String> items) {
    }

    /**
     * Meetings that generate tasks: of the meetings counted for the rule ({@code meetings}: routine
     * stand-ups and 1:1s left out unless configured), how many were followed by items, and the items.
     */
    public record TaskSummary(long meetings, long meetingsWithTasks, long items, List<GeneratedTask> evidence) {
    }

    /** An item created by an attendee {@code minutesAfter} a meeting ended, naming that meeting. */
    public record GeneratedTask(String item, String title, String createdBy, String meetingUid, String meetingTitle,
                                String meetingStart, long minutesAfter) {
    }
}
