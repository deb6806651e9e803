package dev.baton.app.imports;

import dev.baton.app.store.Changes;
import dev.baton.app.store.Projection;
import dev.baton.engine.batch.BatchEvent.BatchImported;
import dev.baton.engine.batch.BatchEvent.ImportRetracted;
import dev.baton.engine.event.RecordedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The import batches (table {@code import_batches}), kept by their own events in the statement
 * that appends them: a batch's row appears with its {@code BatchImported}, in the import's
 * transaction, and is marked retracted with its {@code ImportRetracted}.
 */
@Component
public class BatchProjection implements Projection {

    @Override
    public void changes(RecordedEvent e, Changes changes) {
        if (e.event() instanceof BatchImported b) {
            changes.add("insert into import_batches (id, kind, file_name, imported_by, imported_at, model_version, model, "
                            + "events, items, new_items, first_at, last_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    b.batch(), b.kind(), b.file(), e.actor(), Timestamp.from(e.at()), b.modelVersion(), b.model(),
                    b.events(), b.items(), b.newItems(), timestamp(b.firstAt()), timestamp(b.lastAt()));
        } else if (e.event() instanceof ImportRetracted r) {
            changes.add("update import_batches set retracted_by = ?, retracted_at = ? where id = ?",
                    e.actor(), Timestamp.from(e.at()), r.batch());
        }
    }

    private static Timestamp timestamp(String instant) {
        return instant == null ? null : Timestamp.from(Instant.parse(instant));
    }
}
