package dev.baton.engine.migration;

import java.util.List;

/**
 * A migration as asked for: move the open items of {@code fromVersion} to {@code toVersion},
 * their stages mapped by {@code map} ({@link StageMap} entries). {@code items} null or empty: every
 * item that can move; otherwise exactly these (from a preview), and applying refuses them all when
 * one of them can no longer move.
 */
public record MigrationRequest(Integer fromVersion, Integer toVersion, List<String> map, List<String> items) {

    public MigrationRequest {
        map = map == null ? List.of() : List.copyOf(map);
        items = items == null ? List.of() : List.copyOf(items);
    }
}
