package dev.baton.app.cli;

import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.EventLogs;
import dev.baton.insight.log.ReadOptions;
import java.nio.file.Path;
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
}
