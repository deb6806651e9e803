package dev.baton.model;

import java.util.List;

/**
 * How the debt report reads meetings from calendars ({@code debt.meetings} in the model; every key
 * optional, docs/meetings.md). Title lists are words or phrases (regular expressions allowed),
 * matched as words ignoring case; a list given replaces the default one.
 *
 * @param coordinationTitles      titles of coordination meetings (null: status, review, approval, sync, stand-up…)
 * @param makingTitles            titles of meetings that make something, never coordination (null: workshop, …)
 * @param recurringIsCoordination a recurring meeting whose title says neither is coordination (null: true)
 * @param routineTitles           stand-ups and 1:1s, left out of "meetings that generate tasks" (null: stand-up, 1:1, …)
 * @param routineGeneratesTasks   count routine meetings in that rule after all (null: false)
 * @param taskWindow              how long after a meeting an item can be one it generated (null: 24h)
 */
public record MeetingSettings(List<String> coordinationTitles, List<String> makingTitles,
                              Boolean recurringIsCoordination, List<String> routineTitles,
                              Boolean routineGeneratesTasks, WorkDuration taskWindow) {

    public static final MeetingSettings DEFAULT = new MeetingSettings(null, null, null, null, null, null);
}
