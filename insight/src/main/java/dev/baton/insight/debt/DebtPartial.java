package dev.baton.insight.debt;

import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.learning.LearningEvent;
import dev.baton.engine.meeting.MeetingEvent;
import dev.baton.engine.roadmap.RoadmapEvent;
import dev.baton.model.problem.Problem;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The debt report of a set of whole cases, to be merged with the reports of the other cases of
 * the same log (docs/debt.md, Partial reports): a log split by case — into files, buckets, Spark
 * partitions — gives the report of the whole.
 *
 * <ol>
 *   <li>{@link #accept} the events of whole cases (each case's events in its own order; a case
 *       is a stream, and an intake request too);</li>
 *   <li>{@link #close} against the {@link Horizon} of the whole log — the merge of every part's
 *       {@link #horizon()}: open items are measured up to the whole log's last event ("now") and
 *       imported ones up to their import's last event. Closing turns the cases into summaries
 *       and forgets them;</li>
 *   <li>{@link #merge} closed parts, in any order and grouping;</li>
 *   <li>{@link #finish} aligns the merged flow variants with each flow net and builds the report.</li>
 * </ol>
 *
 * A closed part is serializable (without its model, which {@link #finish} is given again). The
 * tool switching and meeting load of a report are not case by case — they follow a person across
 * items — and are measured from the whole stream by {@link dev.baton.insight.tools.ToolUse} and
 * {@link dev.baton.insight.debt.meetings.MeetingTally}, then added with {@link DebtReport#with}
 * and {@link DebtReport#withMeetings}.
 */
public final class DebtPartial implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Where a log ends: its last measured event and the last event of each import batch (or
     * imported source). Of a whole log it is what every part is closed against; of parts it merges
     * (maxima), so it can be gathered in a pass that keeps no cases.
     */
    public static final class Horizon implements Serializable {

        private static final long serialVersionUID = 1L;
        private long lastMillis = Long.MIN_VALUE;
        private final Map<String, Long> importEnds = new HashMap<>();

        /** Takes any event of the log; those the report does not measure are skipped. */
        public void accept(RecordedEvent event) {
            if (measured(event)) {
                see(event);
            }
        }

        void see(RecordedEvent event) {
            see(event.at().toEpochMilli(), event.eventId(), event.batch());
        }

        /**
         * Takes a measured event by its envelope alone (a log read without its payloads): when it
         * happened, its source's id, its import batch.
         */
        public void see(long atMillis, String eventId, String batch) {
            lastMillis = Math.max(lastMillis, atMillis);
            String source = dev.baton.engine.event.SourceSystem.ofId(eventId);
            if (!Sources.BATON.equals(source)) {
                importEnds.merge(CaseAnalyzer.asOfKey(batch, source), atMillis, Math::max);
            }
        }

        /** Adds the horizon of other events. */
        public Horizon merge(Horizon other) {
            lastMillis = Math.max(lastMillis, other.lastMillis);
            other.importEnds.forEach((key, at) -> importEnds.merge(key, at, Math::max));
            return this;
        }

        /** The last measured event, epoch milliseconds ({@code Long.MIN_VALUE} when none). */
        public long lastMillis() {
            return lastMillis;
        }

        Long importEnd(String asOfKey) {
            return importEnds.get(asOfKey);
        }

        Horizon copy() {
            return new Horizon().merge(this);
        }

        /** Whether this horizon reaches at least as far as {@code part}'s, as the whole log's must. */
        boolean covers(Horizon part) {
            return lastMillis >= part.lastMillis && part.importEnds.entrySet().stream()
                    .allMatch(e -> importEnds.getOrDefault(e.getKey(), Long.MIN_VALUE) >= e.getValue());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Horizon h && h.lastMillis == lastMillis && h.importEnds.equals(importEnds);
        }

        @Override
        public int hashCode() {
            return Objects.hash(lastMillis, importEnds);
        }
    }

    private transient ModelHistory models;
    private transient CaseAnalyzer analyzer;
    private transient FlowLogs flows;
    private DebtTally tally;
    private FlowVariants variants;
    /** The whole log's horizon the cases were closed against; null while open. */
    private Horizon closedAt;
    private boolean finished;

    DebtPartial(ModelHistory models) {
        this.models = models;
        this.analyzer = new CaseAnalyzer(models);
        this.flows = new FlowLogs(models);
    }

    /**
     * Whether the debt report measures the event as work: meetings are person-time, not items;
     * post-mortems and insights are about work, not work; drafts are proposals, not work
     * (docs/assist.md), nor is publishing a roadmap: no count of items, flow, period or tool use
     * sees them.
     */
    public static boolean measured(RecordedEvent e) {
        return measured(e.event().getClass());
    }

    /** {@link #measured} by the event's type alone (a log read without its payloads). */
    public static boolean measured(Class<?> type) {
        return !MeetingEvent.class.isAssignableFrom(type) && !LearningEvent.class.isAssignableFrom(type)
                && !AssistEvent.class.isAssignableFrom(type) && !RoadmapEvent.class.isAssignableFrom(type);
    }

    /** Takes the next event of its case; events the report does not measure ({@link #measured}) are skipped. */
    public void accept(RecordedEvent event) {
        if (closedAt != null) {
            throw new IllegalStateException("this part is closed: it takes no more events");
        }
        if (measured(event)) {
            analyzer.accept(event);
            flows.accept(event);
        }
    }

    /** Where the events taken so far end (or, once closed, the whole log's horizon it was closed against). */
    public Horizon horizon() {
        return closedAt != null ? closedAt.copy() : analyzer.seen().copy();
    }

    /**
     * Closes every case against the whole log's horizon and forgets the cases, keeping their
     * summaries. Closing twice is a mistake: the second time the cases are gone.
     *
     * @throws IllegalArgumentException when {@code whole} ends before this part's own events
     */
    public DebtPartial close(Horizon whole) {
        if (closedAt != null) {
            throw new IllegalStateException("this part is already closed");
        }
        if (!whole.covers(analyzer.seen())) {
            throw new IllegalArgumentException("the horizon ends before this part's events: close each part against"
                    + " the merge of every part's horizon");
        }
        variants = flows.close();
        // Each case's deviations are its own variant's optimal alignment, the same whichever
        // other variants a part holds; what needs the whole log is settled in finish.
        Map<FlowLogs.Key, int[]> weights = new HashMap<>();
        TraceFitness own = TraceFitness.align(models, variants.completed(weights), weights);
        tally = analyzer.finish(whole, own);
        closedAt = whole.copy();
        analyzer = null;
        flows = null;
        return this;
    }

    /** Whether {@link #close} was called. */
    public boolean closed() {
        return closedAt != null;
    }

    /**
     * Adds another closed part of the same log (disjoint cases, closed against the same horizon)
     * into this one; the order of merges does not change the report.
     */
    public DebtPartial merge(DebtPartial other) {
        if (closedAt == null || other.closedAt == null) {
            throw new IllegalStateException("close(horizon) each part before merging");
        }
        if (!closedAt.equals(other.closedAt)) {
            throw new IllegalArgumentException("the parts were closed against different horizons: close each against"
                    + " the whole log's");
        }
        if (finished || other.finished) {
            throw new IllegalStateException("a finished part merges no more");
        }
        tally.merge(other.tally);
        variants.merge(other.variants);
        return this;
    }

    /**
     * The report of the cases merged here — the whole log's report when they are all of its
     * cases. An open part (one that was never split) is closed at its own horizon first.
     *
     * @param warnings the current model's validation warnings, read by the phase assessment
     * @param logName  how to name the log in the report (its file name)
     */
    public DebtReport finish(ModelHistory models, List<Problem> warnings, String logName) {
        if (finished) {
            throw new IllegalStateException("this part is already finished");
        }
        if (closedAt == null) {
            close(horizon());
        }
        finished = true;
        Map<FlowLogs.Key, int[]> weights = new HashMap<>();
        TraceFitness fitness = TraceFitness.align(models, variants.completed(weights), weights);
        tally.settle(fitness.emptyMoves());
        return new ReportBuilder(models, tally).build(models.current().name(), logName, warnings,
                variants.comparisons(models, fitness),
                fitness.aligned() ? DebtAnalysis.ALIGNMENTS : DebtAnalysis.DECLARED_EDGES);
    }
}
