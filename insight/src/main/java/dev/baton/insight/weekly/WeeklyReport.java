package dev.baton.insight.weekly;

import java.time.Instant;
import java.util.List;

/**
 * One week of work as a status report: what was completed and moved, what is blocked, which SLAs
 * broke or are about to, the decisions made and those still waiting, the handoffs sent back, and
 * how the debt score changed. Every line is about one work item and names it; the renderers
 * (Markdown, HTML, JSON) and a web page read this record and decide nothing. docs/weekly-report.md
 * says where each figure comes from.
 *
 * @param model    the model's name
 * @param log      the log's file name
 * @param audience whom the report is about: everyone, a team, a person or an initiative
 * @param week     the ISO week and the zone its days are counted in
 * @param items    how many items the report is about (with a line in some section)
 * @param debt     the debt score at the week's end beside the previous week's end; null when the
 *                 report's items had no event by the week's end
 */
public record WeeklyReport(String model, String log, Audience audience, Week week, long items,
                           List<Line> completed, List<Line> moved, List<Line> blocked, List<Line> slas,
                           List<Line> decisionsMade, List<Line> decisionsWaiting, List<Line> handoffsRejected,
                           DebtChange debt) {

    public WeeklyReport {
        completed = List.copyOf(completed);
        moved = List.copyOf(moved);
        blocked = List.copyOf(blocked);
        slas = List.copyOf(slas);
        decisionsMade = List.copyOf(decisionsMade);
        decisionsWaiting = List.copyOf(decisionsWaiting);
        handoffsRejected = List.copyOf(handoffsRejected);
    }

    /** The sections in the order every rendering shows them, each with its title and its lines. */
    public List<Section> sections() {
        return List.of(
                new Section("completed", "Completed", completed),
                new Section("moved", "Moved", moved),
                new Section("blocked", "Blocked at the week's end", blocked),
                new Section("slas", "SLAs breached or about to be", slas),
                new Section("decisionsMade", "Decisions made", decisionsMade),
                new Section("decisionsWaiting", "Decisions waiting", decisionsWaiting),
                new Section("handoffsRejected", "Handoffs rejected", handoffsRejected));
    }

    /** A titled list of lines; {@code id} is its key in JSON. */
    public record Section(String id, String title, List<Line> lines) {
    }

    /**
     * One line about one item.
     *
     * @param item   the item's id (its page is {@code /items/{item}})
     * @param title  the item's title, null when it has none
     * @param kind   what the line says, one word per section: completed; moved, sent-back, reopened;
     *               blocked; breached, overdue, at-risk; granted, denied; waiting; rejected
     * @param at     when it happened; for an SLA when the SLA ran or runs out; for what is blocked or
     *               waiting, since when
     * @param people the people (or teams, functions) the line names: who acted, who blocked it, whom a
     *               decision waits on; model ids
     * @param text   the sentence, without the item and the time: "moved from Draft to Edit by Ana Silva"
     * @param detail a reason or comment in the person's own words, null when none was given
     */
    public record Line(String item, String title, String kind, Instant at, List<String> people, String text,
                       String detail) {

        public Line {
            people = List.copyOf(people);
        }
    }

    /**
     * The debt score of the report's items at the week's end beside the end of the week before,
     * computed by the debt report ({@code baton analyze}) on the log cut at those two instants.
     *
     * @param before     the score at the previous week's end, null when there was nothing to score yet
     * @param components the components whose value changed, largest change first
     */
    public record DebtChange(double after, String band, Double before, String previousWeek,
                             List<ComponentChange> components) {

        public DebtChange {
            components = List.copyOf(components);
        }

        /** After minus before; 0 when there is no before. */
        public double change() {
            return before == null ? 0 : after - before;
        }
    }

    /** A debt component's value (0..1) at both week ends; {@code before} null when it was not measured then. */
    public record ComponentChange(String id, String title, Double before, double after) {
    }
}
