package dev.baton.insight.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct activity sequences of a log, in order of first appearance, with the cases that
 * follow each. Analyses that depend only on the sequence (replay, alignments) run once per
 * variant and weigh the result by its number of cases.
 */
public final class Variants {

    /** One distinct sequence of activity codes and the cases (indexes) that follow it. */
    public record Variant(int[] activities, int[] cases) {
        public int count() {
            return cases.length;
        }

        /**
         * The cases the variant stands for when case {@code c} of the log stands for
         * {@code weights[c]} cases (a log of distinct traces, each for many), or {@link #count()}
         * when {@code weights} is null.
         */
        public int count(int[] weights) {
            if (weights == null) {
                return count();
            }
            int n = 0;
            for (int c : cases) {
                n += weights[c];
            }
            return n;
        }
    }

    private Variants() {
    }

    public static List<Variant> of(EventLog log) {
        Map<IntSequence, List<Integer>> byTrace = new HashMap<>();
        List<IntSequence> order = new ArrayList<>();
        for (int c = 0; c < log.caseCount(); c++) {
            IntSequence key = new IntSequence(log.trace(c));
            List<Integer> cases = byTrace.get(key);
            if (cases == null) {
                cases = new ArrayList<>();
                byTrace.put(key, cases);
                order.add(key);
            }
            cases.add(c);
        }
        List<Variant> variants = new ArrayList<>(order.size());
        for (IntSequence key : order) {
            variants.add(new Variant(key.values(), byTrace.get(key).stream().mapToInt(Integer::intValue).toArray()));
        }
        return variants;
    }
}
