package dev.baton.scale.debt;

import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventCodec;
import dev.baton.engine.jsonl.EventLogFormatException;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtPartial;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.ModelHistory;
import dev.baton.insight.debt.meetings.MeetingRules;
import dev.baton.insight.debt.meetings.MeetingTally;
import dev.baton.insight.tools.PeopleAcrossTools;
import dev.baton.insight.tools.ToolUse;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import dev.baton.scale.Part;
import dev.baton.scale.ScaleProblem;
import dev.baton.scale.log.LogCase;
import dev.baton.scale.log.ScaleLog;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;

/**
 * {@code baton analyze} as Spark jobs, on the debt report's partial API (docs/debt.md, "Partial
 * reports"): the cases of each partition are accepted into a {@link DebtPartial} in the executors
 * (conformance there too: an alignment per distinct variant of the partition), closed against the
 * whole log's horizon (a first job: a pass that keeps no cases) and merged in the driver, which
 * finishes the report. Tool switching and meeting load follow a person across items, not a case,
 * so they are read as the single-machine report reads them, streamed through the driver case by
 * case ({@code toLocalIterator}: one partition at a time in memory).
 */
public final class ScaleDebt {

    /** Each executor builds the model once per model text (the model is not serializable; its text is). */
    private static final Map<String, ModelHistory> MODELS = new ConcurrentHashMap<>();

    private ScaleDebt() {
    }

    /**
     * The debt report of {@code log} against the model {@code modelFile} whose text is {@code modelText}.
     *
     * @throws ScaleProblem when the model is invalid, a line is malformed, or the log has no work items
     */
    public static DebtReport report(ScaleLog log, String modelFile, String modelText, int partitions) {
        ValidationReport validation = ModelValidation.validate(modelFile, modelText);
        if (!validation.valid()) {
            StringBuilder message = new StringBuilder();
            validation.errors().forEach(p -> message.append(p.format(validation.file())).append('\n'));
            message.append(validation.file()).append(": invalid, fix the errors above first (baton model validate ")
                    .append(validation.file()).append(')');
            throw new ScaleProblem(message.toString());
        }
        ModelHistory models = ModelHistory.of(validation.model());
        MODELS.putIfAbsent(modelText, models);
        String name = log.name();
        JavaRDD<LogCase> cases = log.cases(partitions);

        // One pass through the driver, case by case, a partition at a time: the whole log's horizon,
        // and tool switching and meeting load, which follow a person across items.
        var model = validation.model();
        ToolUse tools = new ToolUse(new PeopleAcrossTools(model, Map.of()));
        MeetingTally meetings = new MeetingTally(model, MeetingRules.of(model.debt()));
        DebtPartial.Horizon whole = new DebtPartial.Horizon();
        String problem = read(name, cases.toLocalIterator(), e -> {
            whole.accept(e);
            meetings.accept(e);
            if (DebtPartial.measured(e)) {
                tools.accept(e);
            }
        });
        if (problem != null) {
            throw new ScaleProblem(problem);
        }
        DebtPartial merged = cases.mapPartitions(part -> List.of(partial(name, modelFile, modelText, whole, part))
                        .iterator())
                .reduce((a, b) -> Part.merge(a, b, DebtPartial::merge)).orThrow();
        DebtReport report = merged.finish(models, validation.warnings(), new org.apache.hadoop.fs.Path(name).getName())
                .with(tools.result()).withMeetings(meetings.finish());
        if (report.items() == 0) {
            throw new ScaleProblem(name + ": error: expected work-item events (ItemCreated, StageEntered...), found none");
        }
        return report;
    }

    private static Part<DebtPartial> partial(String name, String modelFile, String modelText, DebtPartial.Horizon whole,
                                             Iterator<LogCase> cases) {
        ModelHistory models = MODELS.computeIfAbsent(modelText,
                text -> ModelHistory.of(ModelValidation.validate(modelFile, text).model()));
        DebtPartial part = DebtAnalysis.partial(models);
        String problem = read(name, cases, part::accept);
        return problem == null ? Part.of(part.close(whole)) : Part.failed(problem);
    }

    /**
     * Decodes the cases' lines into events as the single-machine reader does (retracted batches and
     * batch events left out: the batch events heading each partition say which) and gives them to
     * {@code sink}; the first malformed line, said, or null.
     */
    static String read(String name, Iterator<LogCase> cases, Consumer<RecordedEvent> sink) {
        EventCodec codec = new EventCodec();
        Consumer<RecordedEvent> standing = ImportBatches.standing(Set.of(), sink);
        while (cases.hasNext()) {
            LogCase c = cases.next();
            if (c.batches()) {
                standing = ImportBatches.standing(ScaleLog.retracted(c), sink);
                continue;
            }
            for (byte[] bytes : c.lines()) {
                String line = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                RecordedEvent event;
                try {
                    event = codec.decode(line);
                } catch (EventLogFormatException e) {
                    return name + ": error: " + e.getMessage() + " (the line "
                            + (line.length() > 80 ? line.substring(0, 80) + "…" : line) + ")";
                }
                standing.accept(event);
            }
        }
        return null;
    }
}
