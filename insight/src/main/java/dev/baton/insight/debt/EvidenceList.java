package dev.baton.insight.debt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The evidence of a component, capped: the {@link #CAP} heaviest pieces (ties by item id, then
 * first position) and the total count. Keeping the top of a fixed order is associative, so the
 * evidence of parts of a log merges into exactly the evidence of the whole.
 */
public final class EvidenceList implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final int CAP = 25;

    static final Comparator<Evidence> ORDER = Comparator.comparingDouble(Evidence::weight).reversed()
            .thenComparing(Evidence::item)
            .thenComparing(e -> e.positions().isEmpty() ? 0L : e.positions().get(0));

    private final List<Evidence> shown = new ArrayList<>();
    private long total;

    void add(Evidence evidence) {
        total++;
        if (shown.size() == CAP && ORDER.compare(evidence, shown.get(CAP - 1)) >= 0) {
            return;
        }
        int at = 0;
        while (at < shown.size() && ORDER.compare(shown.get(at), evidence) <= 0) {
            at++;
        }
        shown.add(at, evidence);
        if (shown.size() > CAP) {
            shown.remove(CAP);
        }
    }

    void merge(EvidenceList other) {
        long before = total;
        other.shown.forEach(this::add);
        total = before + other.total;
    }

    public List<Evidence> shown() {
        return List.copyOf(shown);
    }

    public long total() {
        return total;
    }
}
