package dev.baton.app.web;

import dev.baton.app.store.LogSource;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.Scope;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.ModelHistory;
import dev.baton.model.problem.Problem;
import dev.baton.insight.debt.Scope;
import java.util.function.ToIntFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The orchestration-debt report of the server's own event log, computed by the same
 * {@link DebtAnalysis} as {@code baton analyze}, each item against the stored model version it ran
 * under and what is about the team now against the current one. The report of a log
 * depends only on its events and the model, so it is kept until either changes. When new events
 * arrive, the report of a log of up to {@link #INLINE_EVENTS} events (about a second's work) is
 * recomputed on the request, so the page is exact; a larger log's (100,000 items are two million
 * events and take seconds) is served as of the events it includes while a background thread
 * computes the next. The threshold is the log's size, not the time the last report took, so that
 * what a page shows does not depend on how busy the machine was. The first report is
 * started in the background when the server is ready, so the first visit waits less or not at all.
 */
@Component
public class DebtReports {

    /** The report of a log with more events than this is refreshed off the request thread. */
    static final long INLINE_EVENTS = 200_000;

    private static final Logger LOG = LoggerFactory.getLogger(DebtReports.class);

    private final EventStore store;
    private final JdbcTemplate jdbc;
    private final ModelVersions versions;
    private final ModelWarnings warnings;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "debt-report");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot last;
    private volatile ToIntFunction<String> importedVersions = item -> 0;

    DebtReports(EventStore store, ModelVersions versions, ModelWarnings warnings, Clock clock, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
    public record Snapshot(DebtReport report, long head, int modelVersion, Instant computedAt, long millis) {
    }

    /** The report of the whole log: as it is now, or as of a recent event while a newer one is computed. */
    public Snapshot current() {
        ModelVersion model = PageAdvice.current(versions);
        Snapshot kept = last;
        if (kept != null && kept.modelVersion() == model.number()) {
            if (upToDate(kept)) {
                return kept;
            }
            if (kept.head() > INLINE_EVENTS) {
                refreshInBackground();
                return kept;
            }
        }
        return refresh(model);
    }

    /** Whether a newer report than the one {@link #current()} answered is being computed. */
    boolean refreshing() {
        return refreshing.get();
    }

    @EventListener(ApplicationReadyEvent.class)
    void computeFirstReport() {
        if (versions.current().isPresent()) {
            refreshInBackground();
        }
    }

    private boolean upToDate(Snapshot snapshot) {
        return store.readAll(snapshot.head(), 1).isEmpty();
    }

    private void refreshInBackground() {
        if (refreshing.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    versions.current().ifPresent(this::refresh);
                } catch (RuntimeException e) {
                    LOG.warn("Could not compute the debt report: {}", e.getMessage(), e);
                } finally {
                    refreshing.set(false);
                }
            });
        }
    }

    /**
     * Every stored version, each dated by its upload: items are measured against the version they
     * ran under. Imported history against the version its import batch was checked against
     * (import_batches.model_version), else the current one unless {@link #importedVersions} names one.
     */
    private ModelHistory history(ModelVersion current) {
        return dev.baton.app.store.ModelHistories.of(versions, jdbc, current).importedAs(importedVersions);
    }

    /**
     * The current model's history and warnings, as the report is computed with them: for analyses
     * of other cuts of the log (the assistants' before and after), measured the same way.
     */
    public record Inputs(ModelHistory history, List<Problem> warnings) {
    }

    public Inputs inputs() {
        ModelVersion model = PageAdvice.current(versions);
        return new Inputs(history(model), warnings.of(model).warnings());
    }

    /**
     * The hook for import batches: which model version an imported item (events of version 0) was
     * imported under, by item id; 0 means the current version. Set by whoever records the version
     * chosen with each import; a change drops the kept report.
     */
    void importedVersions(ToIntFunction<String> itemVersion) {
        this.importedVersions = itemVersion;
        this.last = null;
    }

    /** Computes the report unless another thread has just computed it for the same log and model. */
    private synchronized Snapshot refresh(ModelVersion model) {
        Snapshot kept = last;
        if (kept != null && kept.modelVersion() == model.number() && upToDate(kept)) {
            return kept;
        }
        last = compute(model, Scope.ALL);
        return last;
    }

    /**
     * The report of part of the log (a period, some sources), computed on request and not kept:
     * a filtered view is asked for now and then, and reading the log again is what it costs.
     */
    Snapshot scoped(Scope scope) {
        return compute(PageAdvice.current(versions), scope);
    }

    private Snapshot compute(ModelVersion model, Scope scope) {
        long started = System.nanoTime();
        LogSource log = new LogSource(store);
        DebtReport report;
        try {
            report = DebtAnalysis.analyze(history(model), warnings.of(model).warnings(), "Baton's event log", log, scope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Snapshot(report, log.head(), model.number(), clock.instant(), (System.nanoTime() - started) / 1_000_000);
    }
}
