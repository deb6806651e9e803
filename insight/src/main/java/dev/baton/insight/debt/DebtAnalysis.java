package dev.baton.insight.debt;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.insight.debt.meetings.MeetingRules;
import dev.baton.insight.debt.meetings.MeetingTally;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.tools.PeopleAcrossTools;
import dev.baton.insight.tools.ToolUse;
import dev.baton.insight.log.LoggedEvents;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import dev.baton.model.problem.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The orchestration-debt report of an event log against an operating model: the one entry
 * point. Events come from any {@link EventSource} — Baton's JSONL, a store, or a process-mining
 * log read by {@code dev.baton.insight.log} — and are read once, streaming.
 */
public final class DebtAnalysis {

    /** Where events come from. Each case's events must come in the case's own order. */
    @FunctionalInterface
    public interface EventSource {
        void forEach(Consumer<RecordedEvent> sink) throws IOException;
    }

    private DebtAnalysis() {
    }

    /**
     * Analyses a log.
     *
     * @param warnings the model's validation warnings (debt smells), read by the phase assessment
     * @param logName  how to name the log in the report (its file name)
     */
    public static DebtReport analyze(OperatingModel model, List<Problem> warnings, String logName, EventSource source)
            throws IOException {
        return analyze(model, warnings, logName, source, Scope.ALL);
    }

    /** Analyses the part of a log a {@link Scope} selects: a period, some sources. */
    public static DebtReport analyze(OperatingModel model, List<Problem> warnings, String logName, EventSource source,
                                     Scope scope) throws IOException {
        return analyze(ModelHistory.of(model), warnings, logName, source, scope);
    }

    /**
     * Analyses a log whose items ran under several model versions: each item is measured against
     * its own version, what is about the team now against the current one ({@link ModelHistory}).
     *
     * @param warnings the current model's validation warnings, read by the phase assessment
     */
    public static DebtReport analyze(ModelHistory models, List<Problem> warnings, String logName, EventSource source,
                                     Scope scope) throws IOException {
        return analyze(models, warnings, logName, source, scope, PeopleAcrossTools.of(models.current()));
    }

    /**
     * Analyses a log, matching the tools' users to the model's people with these overrides
     * besides e-mail and name ({@link PeopleAcrossTools}) for tool switching.
     */
    public static DebtReport analyze(ModelHistory models, List<Problem> warnings, String logName, EventSource source,
                                     Scope scope, PeopleAcrossTools people) throws IOException {
        DebtPartial cases = partial(models);
        ToolUse tools = new ToolUse(people);
        MeetingTally meetings = new MeetingTally(models.current(), MeetingRules.of(models.current().debt()));
        scope.of(source).forEach(e -> {
            meetings.accept(e);
            if (DebtPartial.measured(e)) {
                cases.accept(e);
                tools.accept(e);
            }
        });
        return cases.finish(models, warnings, logName).with(tools.result()).withMeetings(meetings.finish());
    }

    /**
     * A report of a set of whole cases, to merge with the other cases' (docs/debt.md, Partial
     * reports): what {@link #analyze} computes, split so that parts of a log can be read apart.
     */
    public static DebtPartial partial(ModelHistory models) {
        return new DebtPartial(models);
    }

    /** The report of a tally merged from parts of a log (see {@link CaseAnalyzer}). */
    public static DebtReport report(OperatingModel model, List<Problem> warnings, String logName, DebtTally tally,
                                    List<DebtReport.FlowComparison> flows) {
        return new ReportBuilder(model, tally).build(model.name(), logName, warnings, flows, DECLARED_EDGES);
    }

    /** How flow conformance is measured (docs/debt.md): optimal alignments, or declared edges when no net could be aligned. */
    static final String ALIGNMENTS = "alignments";
    static final String DECLARED_EDGES = "declared-edges";

    /** Baton's JSONL log ({@code .jsonl.gz} through gzip), streamed and decoded on every core. */
    public static EventSource jsonl(Path file) {
        return new ParallelJsonl(file);
    }

    /**
     * A process-mining log (CSV, XES, OCEL) as Baton events. Baton's own exports carry their events
     * as plain attributes ({@code baton:type}, …; read the log with
     * {@link dev.baton.insight.log.ReadOptions#withAllKinds()}) and give exactly the events they
     * were exported from ({@link LoggedEvents}), so their report is the JSONL log's. Any other log:
     * each case is an item created in its first activity and moved through the next ones by their
     * resources; a case whose last activity is a final stage of its work type is completed there.
     * The work type is the case's {@code work_type} attribute, else {@code defaultWorkType}. Only
     * the components that read stages and times can be measured from such a log.
     */
    /**
     * The source of items made from a process-mining log's activities: it records stage changes
     * only, so the report judges its items only on what stages show ({@link Sources}).
     */
    public static final String FOREIGN = "log";

    public static EventSource of(EventLog log, OperatingModel model, String defaultWorkType) {
        if (LoggedEvents.carried(log)) {
            return sink -> LoggedEvents.forEach(log, sink::accept);
        }
        return sink -> {
            long position = 0;
            for (int c = 0; c < log.caseCount(); c++) {
                String workType = log.caseAttribute(c, "work_type").orElse(defaultWorkType);
                WorkType type = workType == null ? null : model.workType(workType).orElse(null);
                String previous = null;
                long version = 0;
                long last = 0;
                for (int e = log.caseStart(c); e < log.caseEnd(c); e++) {
                    String activity = log.activityName(log.activity(e));
                    long millis = log.hasTime(e) ? log.time(e) : last;
                    last = millis;
                    String actor = log.resourceName(e).orElse("unknown");
                    var payload = previous == null ? new ItemCreated(null, activity, Map.of(), null, null)
                            : new StageEntered(previous, activity, false);
                    sink.accept(new RecordedEvent(++position, log.caseId(c), ++version, Instant.ofEpochMilli(millis),
                            actor, workType, 0, null, payload, FOREIGN + ":" + log.caseId(c) + ":" + version));
                    previous = activity;
                }
                if (type != null && previous != null && type.finalStages().contains(previous)) {
                    sink.accept(new RecordedEvent(++position, log.caseId(c), ++version, Instant.ofEpochMilli(last),
                            "unknown", workType, 0, null, new ItemCompleted(previous), FOREIGN + ":" + log.caseId(c) + ":" + version));
                }
            }
        };
    }
}
