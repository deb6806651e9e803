package dev.baton.insight.debt;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.engine.item.WorkItemEvent.ItemMigrated;
import dev.baton.insight.log.JsonlReader;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The process-mining view of the same events, one log per work type (docs/event-log.md: a case
 * is a stream, its activities the stages it enters), kept while the debt analysis reads the
 * events so the file is read once. A case keeps one node of a trie of stage sequences while it
 * is read; {@link #close} turns the cases into {@link FlowVariants}, distinct sequences with
 * their counts, which is all that the actual flow and conformance need (alignments are per
 * variant), and which merges.
 *
 * <p>There is one log per work type and model version: each item's stages are aligned with the
 * flow of the version it ran under. A migrated item's stages after its migration go to a log of
 * their own per work type, drawn in the actual flow but not aligned (they start mid-flow); the
 * item itself is judged on each version's declared edges ({@code CaseState}).
 */
final class FlowLogs {

    /** A work type under one model version. */
    record Key(String workType, int version) implements Serializable {
    }

    /** The items completed (and not reopened since), whose whole flow can be aligned. */
    private final Set<String> completed = new java.util.HashSet<>();
    private final ModelHistory history;
    private final StageTraces traces = new StageTraces();
    /** key → case → its stage sequence so far (a trie node), keys in order of first appearance. */
    private final Map<Key, Map<String, Integer>> cases = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> afterMigration = new LinkedHashMap<>();
    private final Map<Key, Long> firstPositions = new HashMap<>();
    private final Map<String, Long> firstTailPositions = new HashMap<>();
    private final Set<String> migrated = new java.util.HashSet<>();

    FlowLogs(ModelHistory history) {
        this.history = history;
    }

    void accept(RecordedEvent event) {
        if (event.event() instanceof ItemMigrated) {
            migrated.add(event.stream());
            return;
        }
        if (event.event() instanceof WorkItemEvent.ItemCompleted) {
            completed.add(event.stream());
        } else if (event.event() instanceof WorkItemEvent.ItemReopened) {
            completed.remove(event.stream());
        }
        String stage = JsonlReader.activity(event);
        if (stage == null || event.workType() == null) {
            return;
        }
        Map<String, Integer> log;
        if (migrated.contains(event.stream())) {
            firstTailPositions.merge(event.workType(), event.position(), Math::min);
            log = afterMigration.computeIfAbsent(event.workType(), w -> new HashMap<>());
        } else {
            Key key = new Key(event.workType(), history.resolve(event));
            firstPositions.merge(key, event.position(), Math::min);
            log = cases.computeIfAbsent(key, k -> new HashMap<>());
        }
        Integer node = log.get(event.stream());
        log.put(event.stream(), traces.append(node == null ? StageTraces.EMPTY : node, stage));
    }

    /**
     * The distinct stage sequences of the cases read, with how many cases followed each and how
     * many of those completed (and were not reopened): only a completed item's whole flow is
     * aligned. An item still in progress has not finished its flow, and aligning it as if it had
     * would count every stage ahead of it as skipped; it is judged on the stage changes it made so
     * far instead (CaseState). Forgets the cases.
     */
    FlowVariants close() {
        FlowVariants variants = new FlowVariants();
        cases.forEach((key, byCase) -> {
            Map<List<String>, long[]> counts = variants.log(key, firstPositions.get(key));
            byCase.forEach((id, node) -> {
                long[] n = counts.computeIfAbsent(traces.list(node), t -> new long[2]);
                n[0]++;
                n[1] += completed.contains(id) ? 1 : 0;
            });
        });
        afterMigration.forEach((workType, byCase) -> {
            Map<List<String>, long[]> counts = variants.tail(workType, firstTailPositions.get(workType));
            byCase.forEach((id, node) -> counts.computeIfAbsent(traces.list(node), t -> new long[2])[0]++);
        });
        cases.clear();
        afterMigration.clear();
        completed.clear();
        migrated.clear();
        traces.clearLists();
        return variants;
    }
}
