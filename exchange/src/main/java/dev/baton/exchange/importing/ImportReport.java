package dev.baton.exchange.importing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import found and did: events written by type, changes already in the log, and every
 * tool value the mapping did not cover, with how often it occurred. Nothing is dropped silently:
 * what was not imported is counted under {@link #skipped()} with the reason, and histories whose
 * completion does not add up under {@link #oddities()}.
 */
public final class ImportReport {

    private final Map<String, Long> eventsByType = new TreeMap<>();
    private final Map<String, Map<String, Long>> unmapped = new TreeMap<>();
    private final Map<String, Long> skipped = new TreeMap<>();
    private final Map<String, Note> notes = new LinkedHashMap<>();
    private List<Oddity> oddities = List.of();
    private long changesRead;
    private long duplicates;
    private long items;
    private long newItems;

    /** A note from the reader: the first message of its kind and how many there were. */
    public record Note(String code, String message, long count) {
    }

    /**
     * Something in the imported histories to check, one line of the report: what and how often,
     * as a sentence that names up to three example items and the mapping key that changes it.
     *
     * @param code     e.g. {@code done-not-completed}
     * @param count    how many items (or changes) it concerns
     * @param examples up to three of the items, as the tool names them
     */
    public record Oddity(String code, String message, long count, List<String> examples) {
    }

    /**
     * The report of an import that counts for itself rather than through the {@link Importer}
     * (calendars, docs/meetings.md): what was read, written and already present, the streams it
     * touched, the values no mapping rule covered and what became no event, by reason.
     */
    public static ImportReport counted(long changesRead, Map<String, Long> eventsByType, long duplicates, long items,
                                       long newItems, Map<String, Map<String, Long>> unmapped, Map<String, Long> skipped) {
        ImportReport r = new ImportReport();
        r.changesRead = changesRead;
        eventsByType.forEach((type, n) -> {
            if (n > 0) {
                r.eventsByType.put(type, n);
            }
        });
        r.duplicates = duplicates;
        r.items = items;
        r.newItems = newItems;
        unmapped.forEach((category, values) -> {
            if (!values.isEmpty()) {
                r.unmapped.put(category, new TreeMap<>(values));
            }
        });
        skipped.forEach((reason, n) -> {
            if (n > 0) {
                r.skipped.put(reason, n);
            }
        });
        return r;
    }

    void oddities(List<Oddity> found) {
        oddities = List.copyOf(found);
    }

    void read() {
        changesRead++;
    }

    void written(String type) {
        eventsByType.merge(type, 1L, Long::sum);
    }

    void duplicate() {
        duplicates++;
    }

    void item(boolean isNew) {
        items++;
        if (isNew) {
            newItems++;
        }
    }

    void unmapped(String category, String value) {
        unmapped.computeIfAbsent(category, k -> new TreeMap<>()).merge(value == null ? "(none)" : value, 1L, Long::sum);
    }

    void skipped(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    void note(String code, String message) {
        notes.merge(code, new Note(code, message, 1), (a, b) -> new Note(a.code(), a.message(), a.count() + 1));
    }

    public long changesRead() {
        return changesRead;
    }

    public long eventsWritten() {
        return eventsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> eventsByType() {
        return eventsByType;
    }

    /** Changes whose stable id was already in the log (or earlier in the same file). */
    public long duplicates() {
        return duplicates;
    }

    /** Items (streams) touched by this import, and how many of them were new to the log. */
    public long items() {
        return items;
    }

    public long newItems() {
        return newItems;
    }

    /** category (stages, people, work-types, fields) → tool value → occurrences, values in order. */
    public Map<String, Map<String, Long>> unmapped() {
        return unmapped;
    }

    /** Changes that became no event, by reason. */
    public Map<String, Long> skipped() {
        return skipped;
    }

    /** Histories whose completion does not add up (see {@link Oddity}), in a fixed order. */
    public List<Oddity> oddities() {
        return oddities;
    }

    public List<Note> notes() {
        return List.copyOf(notes.values());
    }

    /** The unmapped values of a category, most frequent first. */
    public List<Map.Entry<String, Long>> unmappedByCount(String category) {
        return unmapped.getOrDefault(category, Map.of()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }
}
