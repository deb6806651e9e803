package dev.baton.exchange.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.source.SourceChange;
import dev.baton.exchange.source.SourceSink;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts what a reader hands over without keeping it, and checks as it goes the order the importer
 * relies on: each item's changes oldest first, its creation (when there is one) first.
 */
final class CheckingSink implements SourceSink {

    private final Map<String, Instant> lastAt = new HashMap<>();
    private final Map<ChangeKind, Long> kinds = new HashMap<>();
    final Set<String> notes = new TreeSet<>();
    long changes;

    @Override
    public void change(SourceChange change) {
        changes++;
        kinds.merge(change.kind(), 1L, Long::sum);
        Instant before = lastAt.put(change.item().key(), change.at());
        if (before == null) {
            return;
        }
        assertThat(change.at()).as("changes of %s in time order", change.item().key()).isAfterOrEqualTo(before);
        assertThat(change.kind()).as("%s created once, first", change.item().key()).isNotEqualTo(ChangeKind.CREATED);
    }

    @Override
    public void note(String code, String message) {
        notes.add(code);
    }

    long items() {
        return lastAt.size();
    }

    long of(ChangeKind kind) {
        return kinds.getOrDefault(kind, 0L);
    }
}
