package dev.baton.measure.funnel;

import java.util.ArrayList;
import java.util.List;

/**
 * How many records a figure rests on, with the first of them by name, so a number can be checked
 * in the CRM. Merging keeps the first examples in merge order: merging is associative.
 */
public final class Evidence {

    static final int EXAMPLES = 10;

    private long count;
    private final List<String> examples = new ArrayList<>();

    public void add(String example) {
        count++;
        if (examples.size() < EXAMPLES) {
            examples.add(example);
        }
    }

    public Evidence merge(Evidence other) {
        count += other.count;
        for (String e : other.examples) {
            if (examples.size() < EXAMPLES) {
                examples.add(e);
            }
        }
        return this;
    }

    public long count() {
        return count;
    }

    public List<String> examples() {
        return List.copyOf(examples);
    }
}
