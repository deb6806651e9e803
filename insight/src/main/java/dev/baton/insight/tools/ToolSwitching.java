package dev.baton.insight.tools;

import java.util.List;
import java.util.Map;

/**
 * Tool switching: how often people move between the systems their work is recorded in, with
 * the evidence. Its own measure beside the debt score (docs/debt.md § Tool switching).
 *
 * @param sources          each system with its events and people
 * @param identities       every tool user seen, with the person they were matched to (or why not)
 * @param actions          events caused by someone (Baton's own bookkeeping as {@code baton} left out)
 * @param matchedActions   of those, by a user matched to one person: the only ones switching is
 *                         counted on, so {@code matchedActions / actions} is the coverage
 * @param personDays       days (UTC) on which a matched person acted
 * @param multiToolDays    of those, days on which they acted in two or more systems
 * @param switches         consecutive actions of one person on one day in different systems
 * @param busiestDays      the person-days with the most switches, at most {@link ToolUse#SHOWN}
 * @param stages           per stage, which systems carry its events
 * @param duplicates       the same stage tracked in two systems (at most {@link ToolUse#SHOWN})
 * @param duplicatesTotal  how many such cases there are in all
 * @param integrations     system pairs ranked by the switches between them
 * @param summary          one sentence for a marketer
 */
public record ToolSwitching(List<SourceUse> sources, List<Identity> identities, long actions, long matchedActions,
                            long personDays, long multiToolDays, long switches, List<PersonDay> busiestDays,
                            List<StageTools> stages, List<DuplicateTracking> duplicates, long duplicatesTotal,
                            List<Integration> integrations, String summary) {

    /** Nothing read: a report made from merged summaries, which keep no person's day. */
    public static ToolSwitching none(String why) {
        return new ToolSwitching(List.of(), List.of(), 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), 0, List.of(), why);
    }

    /** Share of actions by a matched person (0 when there are none). */
    public double coverage() {
        return actions == 0 ? 0 : (double) matchedActions / actions;
    }

    /** Switching can be measured only where work was recorded in at least two systems. */
    public boolean measured() {
        return sources.size() > 1 && matchedActions > 0;
    }

    public double switchesPerPersonDay() {
        return personDays == 0 ? 0 : (double) switches / personDays;
    }

    /** The users no person was matched to, ambiguous ones included, per source. */
    public List<Identity> unmatched() {
        return identities.stream().filter(i -> i.person() == null).toList();
    }

    /** A system, its events and how many of them a matched person caused. */
    public record SourceUse(String source, long events, long matchedEvents, long identities) {
    }

    /**
     * A tool user: {@code how} is {@link PersonMatch.How#id()}; {@code candidates} the people an
     * ambiguous one could be.
     */
    public record Identity(String source, String user, long events, String person, String how,
                           List<String> candidates) {
    }

    /**
     * One person's day: the systems acted in, the switches between them and the run of systems
     * ({@code jira ×3 → gitlab → jira ×2}), with the positions of the events at each switch.
     */
    public record PersonDay(String person, String day, List<String> systems, int switches, String sequence,
                            List<Long> positions) {
    }

    /** A stage and the share of its events per system, largest first. */
    public record StageTools(String stage, long events, Map<String, Long> bySource) {
    }

    /**
     * One stage recorded in two systems within the window: the two entries, the items (the same
     * one, or linked ones) and why they are taken as one piece of work.
     */
    public record DuplicateTracking(String stage, String firstItem, String firstSource, String firstAt,
                                    String secondItem, String secondSource, String secondAt, String link,
                                    List<Long> positions) {
    }

    /** Two systems, the switches between them, on how many person-days and by whom. */
    public record Integration(String between, String and, long switches, long personDays, List<String> people) {
    }
}
