package dev.baton.insight.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Adds up deviations by kind, activity and place in the flow, over variants weighted by their cases. */
final class DeviationTally {

    private record Key(Deviation.Kind kind, String activity, String after) {
    }

    private static final class Count {
        long occurrences;
        long cases;
    }

    private final Map<Key, Count> counts = new LinkedHashMap<>();
    private final Map<Key, Integer> inVariant = new LinkedHashMap<>();

    /** Notes one deviation in the variant being tallied. */
    void note(Deviation.Kind kind, String activity, String after) {
        inVariant.merge(new Key(kind, activity, after), 1, Integer::sum);
    }

    /** Closes the variant: its deviations count once per case, their occurrences once per case each. */
    void endVariant(int cases) {
        inVariant.forEach((key, n) -> {
            Count count = counts.computeIfAbsent(key, k -> new Count());
            count.occurrences += (long) n * cases;
            count.cases += cases;
        });
        inVariant.clear();
    }

    List<Deviation> deviations() {
        List<Deviation> list = new ArrayList<>();
        counts.forEach((key, count) -> list.add(new Deviation(key.kind(), key.activity(), key.after(),
                count.occurrences, count.cases)));
        list.sort(Comparator.comparingLong(Deviation::cases).reversed()
                .thenComparing(Comparator.comparingLong(Deviation::occurrences).reversed())
                .thenComparing(d -> d.kind().ordinal())
                .thenComparing(Deviation::activity)
                .thenComparing(d -> Objects.toString(d.after(), "")));
        return list;
    }
}
