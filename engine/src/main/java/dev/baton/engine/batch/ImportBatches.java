package dev.baton.engine.batch;

import dev.baton.engine.batch.BatchEvent.BatchImported;
import dev.baton.engine.batch.BatchEvent.ImportRetracted;
import dev.baton.engine.event.RecordedEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The import batches of a log, folded from their {@link BatchEvent}s in log order, and the rule
 * every reader of the log applies: the log "as it stands" leaves out the events of retracted
 * batches and the batches' own events (they are bookkeeping, not work: counted as events they
 * would move the log's end and add a case to every analysis).
 */
public final class ImportBatches implements Consumer<RecordedEvent> {

    private final Map<String, ImportBatch> byId = new LinkedHashMap<>();

    /** Takes the next event of the log; events other than a batch's own are ignored. */
    @Override
    public void accept(RecordedEvent e) {
        if (e.event() instanceof BatchImported b) {
            byId.put(b.batch(), new ImportBatch(b.batch(), b.kind(), b.file(), e.actor(), e.at(), b.modelVersion(),
                    b.model(), b.events(), b.items(), b.newItems(), instant(b.firstAt()), instant(b.lastAt()), null, null));
        } else if (e.event() instanceof ImportRetracted r) {
            ImportBatch batch = byId.get(r.batch());
            if (batch != null && !batch.retracted()) {
                byId.put(r.batch(), batch.retractedBy(e.actor(), e.at()));
            }
        }
    }

    /** Every batch, in the order they were imported. */
    public List<ImportBatch> list() {
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }

    public Optional<ImportBatch> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids of the retracted batches. */
    public Set<String> retracted() {
        return byId.values().stream().filter(ImportBatch::retracted).map(ImportBatch::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the event is a batch's own bookkeeping rather than work. */
    public static boolean isBatchEvent(RecordedEvent e) {
        return e.event() instanceof BatchEvent;
    }

    /**
     * Passes on the log as it stands: every event except those of the {@code retracted} batches and
     * the batches' own events.
     */
    public static Consumer<RecordedEvent> standing(Set<String> retracted, Consumer<RecordedEvent> sink) {
        return e -> {
            if (!isBatchEvent(e) && (e.batch() == null || !retracted.contains(e.batch()))) {
                sink.accept(e);
            }
        };
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
