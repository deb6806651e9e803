package dev.baton.app.web;

import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The orchestration-debt report of the server's own event log, computed by the same
 * {@link DebtAnalysis} as {@code baton analyze} against the current model. The report of a log
 * depends only on its events and the model, so it is kept until either changes: pages read the
 * kept report, and the first page after a new event or a new model version recomputes it.
 */
@Component
class DebtReports {

    static final int PAGE = 10_000;

    private final EventStore store;
    private final ModelVersions versions;
    private final ModelWarnings warnings;
    private final Clock clock;
    private Snapshot last;

    DebtReports(EventStore store, ModelVersions versions, ModelWarnings warnings, Clock clock) {
        this.store = store;
        this.versions = versions;
        this.warnings = warnings;
        this.clock = clock;
    }

    /**
     * A report and what it was computed from.
     *
     * @param head   the position of the last event it includes
     * @param millis how long computing it took
     */
    record Snapshot(DebtReport report, long head, int modelVersion, Instant computedAt, long millis) {
    }

    /** The report of the whole log as it is now. */
    synchronized Snapshot current() {
        ModelVersion model = PageAdvice.current(versions);
        if (last != null && last.modelVersion() == model.number() && store.readAll(last.head(), 1).isEmpty()) {
            return last;
        }
        long started = System.nanoTime();
        long[] head = {0};
        DebtReport report;
        try {
            report = DebtAnalysis.analyze(model.model(), warnings.of(model).warnings(), "Baton's event log", sink -> {
                long after = 0;
                while (true) {
                    List<RecordedEvent> page = store.readAll(after, PAGE);
                    for (RecordedEvent e : page) {
                        sink.accept(e);
                        after = e.position();
                    }
                    if (page.size() < PAGE) {
                        head[0] = after;
                        return;
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        last = new Snapshot(report, head[0], model.number(), clock.instant(), (System.nanoTime() - started) / 1_000_000);
        return last;
    }
}
