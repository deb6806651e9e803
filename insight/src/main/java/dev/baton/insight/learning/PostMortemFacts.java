package dev.baton.insight.learning;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.rights.Names;
import dev.baton.model.Field;
import dev.baton.model.Metric;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The facts a post-mortem starts from, read from the log of a finished item and the items under it
 * (a campaign's assets, an initiative's campaigns): planned against actual dates, stages that overran
 * their SLA and by how much, rework, approval waits and rejected handoffs, and the outcomes to judge
 * against the metrics' targets. Each fact is a sentence a marketer reads without the log at hand
 * and names the item and the time it happened, so it can be traced back to its events.
 *
 * @param items the items reviewed: the item and those under it
 */
public record PostMortemFacts(String item, String title, String workType, Dates dates, List<Fact> slaOverruns,
                              List<Fact> rework, List<Fact> approvalWaits, List<Fact> rejectedHandoffs,
                              List<Outcome> outcomes, List<Linked> linked, int items) {

    /** Said of a metric when no outcome figures are linked to the work. */
    public static final String NO_OUTCOME_DATA = "no outcome data linked";

    /** A CRM campaign the work is linked to ({@link OutcomeLink}), with its figures and the sentence saying them. */
    public record Linked(OutcomeLink link, CampaignOutcome figures, String sentence) {
    }

    /**
     * Planned against actual: the start and due dates the item's template fields hold (start dates
     * are the date fields named start, begin or kickoff; the due date is the latest of the others)
     * and when the item was created and completed. {@code daysLate} is the completion day minus the
     * due day (negative: early; null without both).
     */
    public record Dates(String startField, LocalDate plannedStart, String dueField, LocalDate due, Instant created,
                        Instant completed, Long daysLate, String sentence) {
    }

    /**
     * One thing that happened, said in a sentence. {@code millis} is how long it took, or for an SLA
     * overrun by how much the SLA was overrun; {@code detail} is what someone wrote (a reason, a comment).
     */
    public record Fact(String item, String itemTitle, String stage, Instant at, long millis, String sentence,
                       String detail) {
    }

    /** A metric the work is judged by, with its target; {@code result} is null until outcomes are recorded. */
    public record Outcome(String metric, String name, Double target, String unit, Double result, String sentence) {
    }

    /**
     * Reads the facts.
     *
     * @param models    the model version each event ran under (by its {@code modelVersion}); null for a
     *                  version no longer known: the newest version's model is used then
     * @param histories the reviewed item's events first, then each item under it, each oldest first
     */
    public static PostMortemFacts of(IntFunction<OperatingModel> models, OperatingModel current,
                                     List<List<RecordedEvent>> histories) {
        if (histories.isEmpty() || histories.get(0).isEmpty()) {
            throw new IllegalArgumentException("a post-mortem needs the reviewed item's events");
        }
        List<Fact> sla = new ArrayList<>();
        List<Fact> rework = new ArrayList<>();
        List<Fact> waits = new ArrayList<>();
        List<Fact> handoffs = new ArrayList<>();
        ItemFacts root = null;
        int items = 0;
        for (List<RecordedEvent> history : histories) {
            ItemFacts facts = new ItemFacts(models, current, root == null ? null : root.state());
            history.forEach(facts::accept);
            if (facts.state() == null) {
                continue;
            }
            if (root == null) {
                root = facts;
            }
            items++;
            sla.addAll(facts.slaOverruns);
            rework.addAll(facts.rework);
            waits.addAll(facts.approvalWaits);
            handoffs.addAll(facts.rejectedHandoffs);
        }
        if (root == null) {
            throw new IllegalArgumentException("the reviewed item's events do not start with ItemCreated");
        }
        WorkItem item = root.state();
        OperatingModel model = root.model();
        WorkType type = model.workType(item.workType()).orElse(null);
        return new PostMortemFacts(item.id().value(), item.title(), item.workType(),
                dates(model, type, item, root.completedAt()), List.copyOf(sla), List.copyOf(rework), List.copyOf(waits),
                List.copyOf(handoffs), outcomes(model, type, item), List.of(), items);
    }

    /**
     * The facts with the outcomes of the CRM campaigns the work is linked to: each link found in
     * {@code source} is said with its figures, and each metric with a figure gets its actual (summed
     * over the linked campaigns) against its target. The first link is the reviewed item's own; one
     * not found is said only for it (the items under it, an initiative's assets, need not be
     * campaigns). Without any campaign found every metric says {@link #NO_OUTCOME_DATA}.
     */
    public PostMortemFacts withOutcomes(List<OutcomeLink> links, OutcomeSource source, boolean dataStored) {
        List<Linked> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < links.size(); i++) {
            OutcomeLink link = links.get(i);
            if (!seen.add(link.value().toLowerCase(Locale.ROOT))) {
                continue;
            }
            CampaignOutcome figures = source.campaign(link.value()).orElse(null);
            if (figures != null) {
                found.add(new Linked(link, figures, "CRM campaign “" + figures.campaign() + "” (linked by "
                        + link.via() + (link.item().equals(item) ? "" : " of " + link.item()) + "): "
                        + figures.figures()));
            } else if (i == 0 && dataStored) {
                found.add(new Linked(link, null, "No CRM campaign named “" + link.value() + "” (" + link.via()
                        + ") in the stored outcome data: set the template field '" + OutcomeLink.FIELD
                        + "' to the campaign's name in the CRM to link it"));
            }
        }
        List<CampaignOutcome> campaigns = found.stream().map(Linked::figures).filter(f -> f != null).toList();
        List<Outcome> judged = new ArrayList<>();
        for (Outcome o : outcomes) {
            String head = o.name() + " (" + (o.target() == null ? "no target declared" : "target "
                    + number(o.target()) + (o.unit() == null ? "" : " " + o.unit())) + "): ";
            Double actual = null;
            for (CampaignOutcome c : campaigns) {
                Double a = c.actual(o.metric());
                if (a != null) {
                    actual = (actual == null ? 0 : actual) + a;
                }
            }
            String names = String.join(", ", campaigns.stream().map(CampaignOutcome::campaign).toList());
            String sentence;
            if (campaigns.isEmpty()) {
                sentence = head + NO_OUTCOME_DATA;
            } else if (actual == null) {
                sentence = head + "no figure for this metric in the linked outcome data of " + names
                        + " (it has sourced and influenced pipeline and won revenue)";
            } else {
                sentence = head + "actual " + number(actual) + " from " + names
                        + (o.target() == null || o.target() == 0 ? ""
                        : String.format(Locale.ROOT, ", %.0f%% of the target", 100 * actual / o.target()));
            }
            judged.add(new Outcome(o.metric(), o.name(), o.target(), o.unit(), actual, sentence));
        }
        return new PostMortemFacts(item, title, workType, dates, slaOverruns, rework, approvalWaits, rejectedHandoffs,
                List.copyOf(judged), List.copyOf(found), items);
    }

    /** Every fact as a sentence, in the order a post-mortem shows them: what is kept with a written post-mortem. */
    public List<String> sentences() {
        List<String> all = new ArrayList<>();
        all.add(dates.sentence());
        for (List<Fact> list : List.of(slaOverruns, rework, approvalWaits, rejectedHandoffs)) {
            list.forEach(f -> all.add(f.sentence() + (f.detail() == null ? "" : ": “" + f.detail() + "”")));
        }
        linked.forEach(l -> all.add(l.sentence()));
        outcomes.forEach(o -> all.add(o.sentence()));
        return all;
    }

    private static Dates dates(OperatingModel model, WorkType type, WorkItem item, Instant completed) {
        Template template = type == null || type.template() == null ? null : model.template(type.template()).orElse(null);
        Field startField = null;
        LocalDate start = null;
        Field dueField = null;
        LocalDate due = null;
        Field emptyDue = null;
        for (Field f : template == null ? List.<Field>of() : template.fields()) {
            LocalDate d = date(item.fields().get(f.id()));
            if (f.startDate() && d != null && (start == null || d.isBefore(start))) {
                startField = f;
                start = d;
            } else if (f.dueDate() && d != null && (due == null || d.isAfter(due))) {
                dueField = f;
                due = d;
            } else if (f.dueDate() && d == null && emptyDue == null) {
                emptyDue = f;
            }
        }
        LocalDate createdDay = day(item.createdAt());
        StringBuilder s = new StringBuilder();
        if (start != null) {
            s.append("Planned to start on ").append(start).append(" (").append(Names.field(template, startField.id()))
                    .append("); created on ").append(createdDay).append(". ");
        }
        Long late = null;
        if (completed == null) {
            s.append(due == null ? "No due date was set" : "Due on " + due + " (" + Names.field(template, dueField.id()) + ")")
                    .append("; not completed yet.");
        } else if (due == null) {
            long days = ChronoUnit.DAYS.between(createdDay, day(completed));
            s.append("No due date was set").append(emptyDue == null ? "" : " (" + Names.field(template, emptyDue.id())
                    + " is empty)").append("; completed on ").append(day(completed)).append(", ").append(days)
                    .append(days == 1 ? " day" : " days").append(" after it was created.");
        } else {
            late = ChronoUnit.DAYS.between(due, day(completed));
            s.append("Planned to end on ").append(due).append(" (").append(Names.field(template, dueField.id()))
                    .append("); completed on ").append(day(completed)).append(": ")
                    .append(late == 0 ? "on the day" : Math.abs(late) + (Math.abs(late) == 1 ? " day " : " days ")
                            + (late > 0 ? "late" : "early")).append('.');
        }
        return new Dates(startField == null ? null : startField.id(), start, dueField == null ? null : dueField.id(), due,
                item.createdAt(), completed, late, s.toString());
    }

    /** The work type's success metrics and the metrics its fields name, each against its target. */
    private static List<Outcome> outcomes(OperatingModel model, WorkType type, WorkItem item) {
        Set<String> ids = new LinkedHashSet<>(type == null ? List.of() : type.success());
        item.fields().values().forEach(v -> {
            if (v instanceof String s && model.metric(s).isPresent()) {
                ids.add(s);
            }
        });
        List<Outcome> outcomes = new ArrayList<>();
        for (String id : ids) {
            Metric m = model.metric(id).orElse(null);
            if (m == null) {
                continue;
            }
            String target = m.target() == null ? "no target declared" : "target " + number(m.target())
                    + (m.unit() == null ? "" : " " + m.unit());
            outcomes.add(new Outcome(m.id(), m.name(), m.target(), m.unit(), null, m.name() + " (" + target + "): "
                    + NO_OUTCOME_DATA));
        }
        return List.copyOf(outcomes);
    }

    private static LocalDate date(Object value) {
        if (!(value instanceof String s)) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) d)
                : String.format(Locale.ROOT, "%,.2f", d);
    }
}
