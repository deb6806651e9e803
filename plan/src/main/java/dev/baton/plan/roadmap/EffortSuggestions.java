package dev.baton.plan.roadmap;

import dev.baton.insight.learning.LearningLoop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For an initiative without effort, a suggestion: the median effort of comparable completed work
 * that has one (the roadmap's {@code completed:} items of the same theme). Per function and
 * quarter offset, the median over the comparable items (0 where an item did not use the function),
 * over the median number of quarters they spanned; functions whose medians are all 0 are left
 * out. A suggestion is only shown; the planner uses it only when asked ({@link #apply}).
 */
public final class EffortSuggestions {

    /** A suggested effort and what it is the median of. */
    public record Suggestion(String id, Map<String, int[]> effort, int basedOn, String theme) {

        /** "content [20, 10], design [5]" */
        public String effortText() {
            List<String> parts = new ArrayList<>();
            effort.forEach((f, e) -> parts.add(f + " " + Arrays.toString(e)));
            return String.join(", ", parts);
        }

        public String sentence() {
            return "Suggested effort: " + effortText() + " person-days, the median of " + basedOn + " completed '"
                    + theme + "' initiative" + (basedOn == 1 ? "" : "s") + " (a suggestion: not used unless asked for).";
        }
    }

    private EffortSuggestions() {
    }

    /** A suggestion for each initiative without effort that has comparable completed work, by id. */
    public static Map<String, Suggestion> of(Roadmap roadmap) {
        Map<String, Suggestion> out = new LinkedHashMap<>();
        for (Initiative it : roadmap.initiatives()) {
            if (it.estimated()) {
                continue;
            }
            List<Initiative> like = roadmap.completed().stream().filter(c -> c.theme().equals(it.theme())).toList();
            if (like.isEmpty()) {
                continue;
            }
            int length = median(like.stream().mapToInt(Initiative::length).toArray());
            Map<String, int[]> effort = new LinkedHashMap<>();
            for (String f : roadmap.capacity().functions()) {
                int[] days = new int[length];
                for (int k = 0; k < length; k++) {
                    final int offset = k;
                    days[k] = median(like.stream().mapToInt(c -> {
                        int[] e = c.effort().get(f);
                        return e != null && offset < e.length ? e[offset] : 0;
                    }).toArray());
                }
                if (Arrays.stream(days).anyMatch(d -> d > 0)) {
                    effort.put(f, days);
                }
            }
            if (!effort.isEmpty()) {
                out.put(it.id(), new Suggestion(it.id(), effort, like.size(), it.theme()));
            }
        }
        return out;
    }

    /** The roadmap with each suggestion used as the initiative's effort (the user opted in). */
    public static Roadmap apply(Roadmap roadmap, Map<String, Suggestion> suggestions) {
        return roadmap.withInitiatives(roadmap.initiatives().stream()
                .map(i -> suggestions.containsKey(i.id()) ? new Initiative(i.id(), i.title(), i.theme(), i.value(),
                        suggestions.get(i.id()).effort(), i.dependsOn(), i.earliest(), i.deadline(), i.committed()) : i)
                .toList());
    }

    /** The median (insight's), rounded half up to whole person-days. */
    static int median(int[] values) {
        return (int) Math.round(LearningLoop.median(Arrays.stream(values).asDoubleStream().boxed().toList()));
    }
}
