package dev.baton.exchange.importing;

import dev.baton.engine.batch.BatchEvent;
import dev.baton.engine.batch.BatchEvent.BatchImported;
import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.event.RecordedEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Puts an import's new events into its batch on their way to the log: each carries the batch id
 * and continues the log's positions. An item whose earlier events belong to retracted batches
 * continues after their versions: the log keeps retracted events (it is append-only), so a
 * stream's versions must stay unique across them, while the importer, which sees only the log as
 * it stands, starts such an item anew. Counts what the batch's {@link BatchImported} records.
 */
public final class BatchStamp implements Consumer<RecordedEvent> {

    private final String batch;
    private final Consumer<RecordedEvent> out;
    /** Per stream, the highest version among the log's standing events. */
    private final Map<String, Long> standing = new HashMap<>();
    /** Per stream, the highest version among events of retracted batches. */
    private final Map<String, Long> retracted = new HashMap<>();
    /** Per stream, how far its new events' versions are moved up (computed at its first new event). */
    private final Map<String, Long> shifts = new HashMap<>();
    private long lastPosition;
    private long events;
    private Instant firstAt;
    private Instant lastAt;

    public BatchStamp(String batch, Consumer<RecordedEvent> out) {
        this.batch = batch;
        this.out = out;
    }

    /** An event of the log as it stands: the importer knows it too. */
    public void standing(RecordedEvent e) {
        lastPosition = Math.max(lastPosition, e.position());
        standing.merge(e.stream(), e.version(), Math::max);
    }

    /** An event the importer does not see: of a retracted batch, or a batch's own. */
    public void hidden(RecordedEvent e) {
        lastPosition = Math.max(lastPosition, e.position());
        if (!ImportBatches.isBatchEvent(e)) {
            retractedVersion(e.stream(), e.version());
        }
    }

    /** An item's highest version among events of retracted batches (a store reads them at once). */
    public void retractedVersion(String stream, long version) {
        retracted.merge(stream, version, Math::max);
    }

    /** A new event from the importer. */
    @Override
    public void accept(RecordedEvent e) {
        long shift = shifts.computeIfAbsent(e.stream(), s -> {
            Long hiddenMax = retracted.get(s);
            return hiddenMax == null ? 0L : Math.max(0, hiddenMax - standing.getOrDefault(s, 0L));
        });
        events++;
        if (firstAt == null || e.at().isBefore(firstAt)) {
            firstAt = e.at();
        }
        if (lastAt == null || e.at().isAfter(lastAt)) {
            lastAt = e.at();
        }
        out.accept(e.inBatch(batch, ++lastPosition, e.version() + shift));
    }

    public String batch() {
        return batch;
    }

    /** How many events the batch holds so far. */
    public long events() {
        return events;
    }

    /** The batch's record, to be stored after its events. */
    public BatchImported record(String kind, String file, ImportReport report, Integer modelVersion, String model) {
        return record(kind, file, report.items(), report.newItems(), modelVersion, model);
    }

    /** The batch's record, for imports that count their own streams (calendars count meeting series). */
    public BatchImported record(String kind, String file, long items, long newItems, Integer modelVersion, String model) {
        return new BatchImported(batch, kind, file, events, items, newItems, modelVersion, model,
                firstAt == null ? null : firstAt.toString(), lastAt == null ? null : lastAt.toString());
    }

    /** The record as the event that follows the batch's events in a JSONL log. */
    public RecordedEvent recordEvent(BatchImported record, String actor, Instant at) {
        return new RecordedEvent(++lastPosition, BatchEvent.stream(batch), 1, at, actor, null, 0, null, record);
    }
}
