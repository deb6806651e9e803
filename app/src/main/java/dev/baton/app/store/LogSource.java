package dev.baton.app.store;

import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.learning.LearningEvent;
import dev.baton.insight.debt.DebtAnalysis;
import java.util.List;

/**
 * The server's event log as the analyses read a log file: every event as it stands, in log order,
 * a page at a time. The store leaves out retracted import batches; their bookkeeping events
 * ({@code BatchImported}, {@code ImportRetracted}) are no work either and are left out here, and so are
 * post-mortems and insights, which are about work.
 */
public final class LogSource implements DebtAnalysis.EventSource {

    static final int PAGE = 10_000;

    private final EventStore store;
    private long head;

    public LogSource(EventStore store) {
        this.store = store;
    }

    @Override
    public void forEach(java.util.function.Consumer<RecordedEvent> sink) {
        long after = 0;
        while (true) {
            List<RecordedEvent> page = store.readAll(after, PAGE);
            for (RecordedEvent e : page) {
                if (!ImportBatches.isBatchEvent(e) && !LearningEvent.isLearning(e)
                        && !dev.baton.engine.roadmap.RoadmapEvent.isRoadmap(e)) {
                    sink.accept(e);
                }
                after = e.position();
            }
            if (page.size() < PAGE) {
                head = after;
                return;
            }
        }
    }

    /** The position of the last event the last {@link #forEach} read. */
    public long head() {
        return head;
    }
}
