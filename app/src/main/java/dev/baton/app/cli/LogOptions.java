package dev.baton.app.cli;

import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.io.InputRefusedException;
import dev.baton.engine.jsonl.EventLogFormatException;
import dev.baton.engine.jsonl.JsonlBatches;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.EventLogs;
import dev.baton.insight.log.LogFormatException;
import dev.baton.insight.log.ReadOptions;
import dev.baton.model.OperatingModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options every command that reads an event log shares. */
final class LogOptions {

    @Option(names = "--log", required = true, paramLabel = "LOG",
            description = "The event log: Baton JSONL, CSV, XES (.xes, .xes.gz) or OCEL 2.0 JSON.")
    Path log;

    @Option(names = "--lifecycle", paramLabel = "TRANSITION",
            description = "Keep only events with this lifecycle transition (e.g. complete); default: every event, as pm4py.")
    String lifecycle;

    @Option(names = "--object-type", paramLabel = "TYPE",
            description = "OCEL logs: the object type whose objects are the cases (default: the type with most events).")
    String objectType;

    /**
     * The log's stage changes: for Baton's exports, only the events of {@code baton:kind} stage.
     *
     * @throws dev.baton.insight.log.LogFormatException when the log cannot be read
     */
    EventLog read() {
        return EventLogs.read(log, new ReadOptions(lifecycle, objectType));
    }

    /** Every event, approvals, handoffs and intake included: what the debt report reads. */
    EventLog readAllKinds() {
        return EventLogs.read(log, new ReadOptions(lifecycle, objectType).withAllKinds());
    }

    /** Whether LOG is a file to read; when not, says so on {@code err} (the command exits 1). */
    boolean isFile(PrintWriter err) {
        if (Files.isRegularFile(log)) {
            return true;
        }
        err.println(log + ": error: " + (Files.exists(log) ? "expected a log file, found a directory" : "no such file"));
        return false;
    }

    /** Says that the log (or the part of it asked for: {@code where}) holds no work item (the command exits 1). */
    void noWorkItems(PrintWriter err, String where) {
        err.println(log + ": error: expected work-item events (ItemCreated, StageEntered...), found none" + where);
    }

    /**
     * Every event of the log as it stands, for the reports that read them all (debt, weekly):
     * Baton's JSONL event by event, without retracted import batches and the batches' own events;
     * other formats through the process-mining readers, a case an item.
     *
     * @throws LogFormatException when a CSV, XES or OCEL log cannot be read
     */
    DebtAnalysis.EventSource events(OperatingModel model) {
        String name = log.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz") || name.endsWith(".ndjson")) {
            DebtAnalysis.EventSource all = DebtAnalysis.jsonl(log);
            return sink -> all.forEach(ImportBatches.standing(JsonlBatches.batches(log).retracted(), sink));
        }
        EventLog eventLog = readAllKinds();
        String onlyWorkType = model.workTypes().size() == 1 ? model.workTypes().get(0).id() : null;
        return DebtAnalysis.of(eventLog, model, onlyWorkType);
    }

    /**
     * A log that could not be read, said in one line naming the file and where (exit 1); false
     * when the failure is not the input's (a bug), for the caller to rethrow.
     */
    boolean explain(Exception e, PrintWriter err) {
        if (e instanceof EventLogFormatException f) {
            err.println(log + ":" + (f.line() > 0 ? f.getMessage().replaceFirst("^line ", "") : " " + f.getMessage()));
            return true;
        }
        if (e instanceof LogFormatException) {
            err.println(e.getMessage());
            return true;
        }
        // The log's gzip expands too far or its text is not UTF-8 (read on other threads, so wrapped).
        var refused = e instanceof IOException || e instanceof RuntimeException ? InputRefusedException.in(e)
                : java.util.Optional.<InputRefusedException>empty();
        if (refused.isEmpty()) {
            return false;
        }
        err.println(log + ": error: " + refused.get().getMessage());
        return true;
    }
}
