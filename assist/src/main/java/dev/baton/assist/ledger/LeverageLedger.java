package dev.baton.assist.ledger;

import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.assist.AssistEvent.AssistantEnabled;
import dev.baton.engine.assist.AssistEvent.DraftAccepted;
import dev.baton.engine.assist.AssistEvent.DraftDiscarded;
import dev.baton.engine.assist.AssistEvent.DraftOffered;
import dev.baton.engine.event.RecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The leverage ledger (docs/assist.md): per work type and assistant, the drafts offered, taken
 * unchanged, taken after edits (and how much was edited), discarded, and the time from offer to
 * decision; with a verdict. An assistant whose decided drafts are more than half discarded, or
 * whose taken drafts were on average more than half rewritten, is overhead there, and the ledger
 * says to consider switching it off. A pure function of the log's assist events: other events
 * are passed over.
 */
public final class LeverageLedger {

    /** More than this share of decided drafts discarded is overhead. */
    public static final double MAX_DISCARDED_SHARE = 0.5;
    /** A mean edited share of taken drafts above this is overhead: the person rewrote more than they kept. */
    public static final double MAX_MEAN_EDITED_SHARE = 0.5;
    /** Fewer decisions than this make the verdict an early reading, and it says so. */
    public static final int FEW_DECISIONS = 5;

    public static final String OVERHEAD = "overhead: mostly discarded or heavily edited — consider switching it off";
    public static final String LEVERAGE = "leverage: mostly taken with light edits";
    public static final String UNDECIDED = "not yet known: no draft decided";

    private LeverageLedger() {
    }

    /** One draft's story: who offered it where, and its first decision. */
    private static final class Draft {
        String workType;
        String assistant;
        Instant offeredAt;
        boolean offered;
        boolean overridden;
        Instant decidedAt;
        Double editedShare;
        boolean discarded;
    }

    private record Key(String workType, String assistant) {
    }

    public static List<LedgerRow> of(Iterable<RecordedEvent> events) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        Map<Key, List<LedgerRow.Enablement>> enabled = new LinkedHashMap<>();
        for (RecordedEvent e : events) {
            if (!(e.event() instanceof AssistEvent event)) {
                continue;
            }
            if (event instanceof AssistantEnabled a) {
                enabled.computeIfAbsent(new Key(e.workType(), a.assistant()), k -> new ArrayList<>())
                        .add(new LedgerRow.Enablement(e.actor(), e.at().toString(), a.reason()));
            } else if (event instanceof DraftOffered o) {
                Draft d = drafts.computeIfAbsent(o.draft(), k -> new Draft());
                d.offered = true;
                d.offeredAt = e.at();
                d.workType = e.workType();
                d.assistant = o.assistant();
                d.overridden = o.override() != null && !o.override().isBlank();
            } else if (event instanceof DraftAccepted a) {
                Draft d = decision(drafts, a.draft(), a.assistant(), e);
                if (d != null) {
                    d.editedShare = Math.max(0, Math.min(1, a.editedShare()));
                }
            } else if (event instanceof DraftDiscarded x) {
                Draft d = decision(drafts, x.draft(), x.assistant(), e);
                if (d != null) {
                    d.discarded = true;
                }
            }
        }
        Map<Key, List<Draft>> byKey = new LinkedHashMap<>();
        for (Draft d : drafts.values()) {
            byKey.computeIfAbsent(new Key(d.workType, d.assistant), k -> new ArrayList<>()).add(d);
        }
        enabled.keySet().forEach(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()));
        List<LedgerRow> rows = new ArrayList<>();
        byKey.forEach((k, list) -> rows.add(row(k, list, enabled.getOrDefault(k, List.of()))));
        rows.sort(Comparator.comparing((LedgerRow r) -> r.workType() == null ? "" : r.workType())
                .thenComparing(LedgerRow::assistant));
        return rows;
    }

    /**
     * The draft a decision is about; only its first decision counts (a second one is not a second
     * decision). A decision whose offer is not in the log still counts, under its own envelope.
     */
    private static Draft decision(Map<String, Draft> drafts, String id, String assistant, RecordedEvent e) {
        Draft d = drafts.computeIfAbsent(id, k -> new Draft());
        if (d.decidedAt != null) {
            return null;
        }
        if (!d.offered) {
            d.workType = e.workType();
            d.assistant = assistant;
        }
        d.decidedAt = e.at();
        return d;
    }

    private static LedgerRow row(Key k, List<Draft> drafts, List<LedgerRow.Enablement> enabled) {
        long unchanged = 0;
        long edited = 0;
        long discarded = 0;
        long overridden = 0;
        double editedSum = 0;
        List<Double> hours = new ArrayList<>();
        for (Draft d : drafts) {
            overridden += d.overridden ? 1 : 0;
            if (d.decidedAt == null) {
                continue;
            }
            if (d.discarded) {
                discarded++;
            } else if (d.editedShare == 0) {
                unchanged++;
            } else {
                edited++;
                editedSum += d.editedShare;
            }
            if (d.offeredAt != null) {
                hours.add(Math.max(0, Duration.between(d.offeredAt, d.decidedAt).toMillis()) / 3_600_000.0);
            }
        }
        long accepted = unchanged + edited;
        long decided = accepted + discarded;
        Double meanEdited = edited == 0 ? null : editedSum / edited;
        Double meanOfAccepted = accepted == 0 ? null : editedSum / accepted;
        Double discardedShare = decided == 0 ? null : (double) discarded / decided;
        Double median = hours.isEmpty() ? null : median(hours);
        long pending = drafts.size() - decided;
        String verdict;
        String reason;
        if (decided == 0) {
            verdict = UNDECIDED;
            reason = drafts.isEmpty() ? "enabled, no draft offered yet" : drafts.size() + " draft(s) offered, none decided yet";
        } else {
            boolean mostlyDiscarded = discardedShare > MAX_DISCARDED_SHARE;
            boolean heavilyEdited = meanOfAccepted != null && meanOfAccepted > MAX_MEAN_EDITED_SHARE;
            verdict = mostlyDiscarded || heavilyEdited ? OVERHEAD : LEVERAGE;
            reason = String.format(Locale.ROOT, "%d of %d decided draft(s) discarded (%s, overhead above %s); "
                            + "taken drafts edited %s on average (overhead above %s)", discarded, decided,
                    percent(discardedShare), percent(MAX_DISCARDED_SHARE),
                    meanOfAccepted == null ? "—" : percent(meanOfAccepted), percent(MAX_MEAN_EDITED_SHARE));
            if (decided < FEW_DECISIONS) {
                reason += "; only " + decided + " decision(s): an early reading";
            }
        }
        return new LedgerRow(k.workType(), Objects.requireNonNullElse(k.assistant(), "unknown"), drafts.size(), unchanged,
                edited, meanEdited, meanOfAccepted, discarded, pending, discardedShare, median, overridden, enabled, verdict,
                reason);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /** Drafts offered under an override, by draft id: what the page marks. */
    public static Map<String, Boolean> overridden(Iterable<RecordedEvent> events) {
        Map<String, Boolean> marks = new HashMap<>();
        for (RecordedEvent e : events) {
            if (e.event() instanceof DraftOffered o) {
                marks.put(o.draft(), o.override() != null && !o.override().isBlank());
            }
        }
        return marks;
    }
}
