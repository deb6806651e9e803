package dev.baton.app.cli;

import dev.baton.assist.history.WorkHistory;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.ModelHistory;
import dev.baton.insight.debt.Scope;
import dev.baton.insight.log.LogFormatException;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The log as the assistants read it: the same events {@code baton analyze} reads ({@link LogOptions}),
 * folded into the log's work ({@link WorkHistory}) and, for the gate, the debt report built by the
 * same analysis as {@code baton analyze}, in one pass. Null results mean the problem was said on
 * {@code err} (the command exits 1).
 */
final class AssistLog {

    private AssistLog() {
    }

    /** What one reading of the log gave. */
    record Read(WorkHistory work, DebtReport report, List<RecordedEvent> events) {
    }

    /**
     * @param report whether to build the debt report (the gate of work-type assistants needs it)
     * @param keep   also keep every event (the ledger), or not
     */
    static Read read(LogOptions log, ValidationReport validation, WorkHistory work, boolean report, boolean keep,
                     PrintWriter err) throws IOException {
        if (!log.isFile(err)) {
            return null;
        }
        OperatingModel model = validation.model();
        DebtAnalysis.EventSource source;
        try {
            source = log.events(model);
        } catch (LogFormatException e) {
            err.println(e.getMessage());
            return null;
        }
        List<RecordedEvent> events = keep ? new ArrayList<>() : null;
        Consumer<RecordedEvent> also = e -> {
            work.accept(e);
            if (events != null) {
                events.add(e);
            }
        };
        DebtAnalysis.EventSource tee = sink -> source.forEach(e -> {
            also.accept(e);
            sink.accept(e);
        });
        try {
            if (report) {
                DebtReport debt = DebtAnalysis.analyze(ModelHistory.of(model), validation.warnings(),
                        log.log.getFileName().toString(), tee, Scope.ALL);
                return new Read(work, debt, events);
            }
            tee.forEach(e -> { });
            return new Read(work, null, events);
        } catch (IOException | RuntimeException e) {
            if (!log.explain(e, err)) {
                throw e;
            }
            return null;
        }
    }
}
