package dev.baton.insight.debt;

import dev.baton.insight.log.Dictionary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stage sequences of all cases, shared as a trie: a case keeps one int (its node) instead of
 * a list of strings, and cases of the same variant share every node. Stage ids are
 * dictionary-encoded once, so a case can also keep the stages it visited as bits. This is what
 * keeps the per-case summaries of a ten-million-event log small (docs/debt.md, Speed).
 */
final class StageTraces {

    /** The node of the empty sequence. */
    static final int EMPTY = 0;

    private final Dictionary stages = new Dictionary();
    /** (node, stage code) → child node. */
    private final Map<Long, Integer> children = new HashMap<>();
    private int[] parent = new int[64];
    private int[] stage = new int[64];
    private int nodes = 1;
    private final Map<Integer, List<String>> lists = new HashMap<>();

    /** The code of a stage id, adding it when new. */
    int code(String stageId) {
        return stages.encode(stageId);
    }

    /** The one shared instance of a stage id (ids decoded from JSON are fresh strings). */
    String canonical(String stageId) {
        return stageId == null ? null : stages.decode(stages.encode(stageId));
    }

    /** The node of {@code node}'s sequence followed by the stage. */
    int append(int node, String stageId) {
        int code = code(stageId);
        long key = ((long) node << 32) | code;
        Integer child = children.get(key);
        if (child == null) {
            if (nodes == parent.length) {
                parent = Arrays.copyOf(parent, nodes * 2);
                stage = Arrays.copyOf(stage, nodes * 2);
            }
            child = nodes++;
            parent[child] = node;
            stage[child] = code;
            children.put(key, child);
        }
        return child;
    }

    /** The first stage of the sequence, or null when it is empty. */
    String first(int node) {
        if (node == EMPTY) {
            return null;
        }
        while (parent[node] != EMPTY) {
            node = parent[node];
        }
        return stages.decode(stage[node]);
    }

    /** The sequence as stage ids (one shared list per node). */
    List<String> list(int node) {
        return lists.computeIfAbsent(node, n -> {
            List<String> ids = new ArrayList<>();
            for (int at = n; at != EMPTY; at = parent[at]) {
                ids.add(stages.decode(stage[at]));
            }
            java.util.Collections.reverse(ids);
            return List.copyOf(ids);
        });
    }

    /** Forgets the decoded lists once every case is closed. */
    void clearLists() {
        lists.clear();
    }
}
