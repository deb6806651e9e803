package dev.baton.measure.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A count of records that could not be matched, with the first few (distinct) as examples. */
public final class Tally {

    private long count;
    private final Set<String> examples = new LinkedHashSet<>();

    public void add(String example) {
        count++;
        if (examples.size() < 5 && example != null) {
            examples.add(example);
        }
    }

    /** Adds an {@link Unmatched} line to {@code list} when anything was counted. */
    public void into(List<Unmatched> list, String what, String effect) {
        if (count > 0) {
            list.add(new Unmatched(what, count, List.copyOf(examples), effect));
        }
    }
}
