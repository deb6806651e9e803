package dev.baton.engine.migration;

import dev.baton.engine.item.WorkItemEvent.ItemMigrated;

/**
 * What a migration does to one item: it moves ({@code event} is what would be recorded), it has
 * already moved (an earlier migration from the same version to the same version), or it is
 * refused with a reason. {@code toStage} is null when no target stage could be found.
 */
public record ItemMigration(String item, String workType, String title, long version, String fromStage,
                            String toStage, Status status, MigrationRefusal refusal, ItemMigrated event) {

    public enum Status {
        MOVES, ALREADY_MIGRATED, REFUSED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public boolean moves() {
        return status == Status.MOVES;
    }
}
