package dev.baton.engine.migration;

import dev.baton.engine.Rejection;
import dev.baton.engine.event.RecordedEvent;
import java.util.List;

/**
 * What applying a migration did: the plan it followed and the {@code ItemMigrated} events it
 * recorded (one per item moved, all in one transaction), or why it recorded nothing at all.
 *
 * @param refusal null when applied; otherwise the rejection, and nothing was recorded
 */
public record MigrationResult(MigrationPlan plan, List<RecordedEvent> recorded, Rejection refusal) {

    public MigrationResult {
        recorded = List.copyOf(recorded);
    }

    public boolean applied() {
        return refusal == null;
    }
}
