package dev.baton.plan.roadmap;

import java.util.List;
import java.util.Map;

/**
 * A piece of work to place in a quarter. Effort is an input in person-days per function per
 * quarter offset ({@code content: [20, 10]} = 20 in its first quarter, 10 in its second), never
 * derived from how long past work waited; an empty map means nobody has estimated it yet.
 *
 * @param earliest  the first quarter it may start in, or null
 * @param deadline  null when there is none
 * @param committed the quarter it is pinned to, or null
 */
public record Initiative(String id, String title, String theme, double value, Map<String, int[]> effort,
                         List<String> dependsOn, Quarter earliest, Deadline deadline, Quarter committed) {

    public boolean estimated() {
        return !effort.isEmpty();
    }

    /** Quarters it spans: the longest effort profile. */
    public int length() {
        return effort.values().stream().mapToInt(a -> a.length).max().orElse(1);
    }

    public long totalEffort() {
        return effort.values().stream().flatMapToInt(java.util.Arrays::stream).asLongStream().sum();
    }

    /** Value per person-day: the packer's first key (a large cheap win before a large costly one). */
    public double density() {
        long e = totalEffort();
        return e == 0 ? value : value / e;
    }

    public String label() {
        return "'" + title + "'";
    }

    public Initiative withValue(double v) {
        return new Initiative(id, title, theme, v, effort, dependsOn, earliest, deadline, committed);
    }

    public Initiative withDeadline(Deadline d) {
        return new Initiative(id, title, theme, value, effort, dependsOn, earliest, d, committed);
    }
}
