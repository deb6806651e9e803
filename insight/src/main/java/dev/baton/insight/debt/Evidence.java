package dev.baton.insight.debt;

import java.util.List;

/**
 * One piece of evidence behind a component: the item, the positions of the events in the log
 * that show it, a sentence saying what they show, and its weight (hours, or how far off) that
 * orders the list so the worst cases come first.
 */
public record Evidence(String item, List<Long> positions, String note, double weight) implements java.io.Serializable {

    public Evidence {
        positions = List.copyOf(positions);
    }
}
