package dev.baton.exchange.importing;

import dev.baton.exchange.mapping.Completion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Histories whose completion does not add up, counted with a few example items for the import
 * report: items that end in a done status without being completed, items completed and then moved
 * on without a reopen, resolutions set while the status was not done. Each is one line of the
 * report, with the mapping key that would change it.
 */
final class CompletionOddities {

    static final String DONE_NOT_COMPLETED = "done-not-completed";
    static final String MOVED_AFTER_COMPLETION = "moved-after-completion";
    static final String RESOLVED_NOT_DONE = "resolved-not-done";
    private static final int EXAMPLES = 3;

    private final Completion completion;
    private final Tally moved = new Tally();
    private final Tally resolved = new Tally();

    /** How often, a few example items, and the statuses involved with their counts. */
    private static final class Tally {
        long count;
        final Set<String> examples = new LinkedHashSet<>();
        final Map<String, Long> statuses = new LinkedHashMap<>();

        void add(String item, String status) {
            count++;
            if (examples.size() < EXAMPLES) {
                examples.add(item);
            }
            statuses.merge(status == null ? "(none)" : status, 1L, Long::sum);
        }
    }

    CompletionOddities(Completion completion) {
        this.completion = completion;
    }

    /** A completed item entered a stage not known as done, and nothing reopened it (counted once an item). */
    void movedAfterCompletion(String item, String toStatus) {
        moved.add(item, toStatus);
    }

    /** The tool completed an item (a resolution set) in a status known not to be done. */
    void resolvedNotDone(String item, String status) {
        resolved.add(item, status);
    }

    /**
     * The report's lines.
     *
     * @param doneNotCompleted the items of this import that end in a done status without being
     *                         completed, in the order they were first seen
     */
    List<ImportReport.Oddity> list(long doneNotCompletedCount, List<String> doneNotCompleted) {
        List<ImportReport.Oddity> result = new ArrayList<>();
        if (doneNotCompletedCount > 0) {
            result.add(new ImportReport.Oddity(DONE_NOT_COMPLETED, items(doneNotCompletedCount)
                    + (doneNotCompletedCount == 1 ? " ends" : " end") + " in a done status without being completed ("
                    + examples(doneNotCompletedCount, doneNotCompleted) + "): "
                    + (completion.byStatus() ? "their resolution was cleared while the status stayed done"
                    : "with completion.on: resolution only a resolution completes an item; set completion.on to both "
                    + "to complete them on their done status"), doneNotCompletedCount, doneNotCompleted));
        }
        if (moved.count > 0) {
            result.add(new ImportReport.Oddity(MOVED_AFTER_COMPLETION, items(moved.count)
                    + (moved.count == 1 ? " was" : " were") + " moved on after being completed, without a reopen ("
                    + examples(moved.count, moved.examples) + "; into " + statuses(moved) + "): "
                    + (completion.byStatus() ? "whether these statuses are done is unknown; list the done ones under "
                    + "completion.done-statuses, or import with --model, so that leaving a done status reopens the item"
                    : "with completion.on: resolution only clearing the resolution reopens an item"),
                    moved.count, List.copyOf(moved.examples)));
        }
        if (resolved.count > 0) {
            result.add(new ImportReport.Oddity(RESOLVED_NOT_DONE, resolved.count
                    + (resolved.count == 1 ? " resolution was" : " resolutions were") + " set while the status was not "
                    + "done (" + examples(resolved.count, resolved.examples) + "; in " + statuses(resolved) + "): the "
                    + (resolved.count == 1 ? "item counts" : "items count") + " as completed there; if these statuses "
                    + "are done, list them under completion.done-statuses, or set completion.on to done-status to "
                    + "complete items on their status only", resolved.count, List.copyOf(resolved.examples)));
        }
        return result;
    }

    private static String items(long n) {
        return n + (n == 1 ? " item" : " items");
    }

    private static String examples(long count, java.util.Collection<String> examples) {
        return String.join(", ", examples) + (count > examples.size() ? ", …" : "");
    }

    private static String statuses(Tally tally) {
        return String.join(", ", tally.statuses.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(EXAMPLES).map(e -> "'" + e.getKey() + "' ×" + e.getValue()).toList())
                + (tally.statuses.size() > EXAMPLES ? ", …" : "");
    }
}
