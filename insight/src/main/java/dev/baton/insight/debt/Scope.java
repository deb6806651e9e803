package dev.baton.insight.debt;

import dev.baton.engine.event.RecordedEvent;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Which part of a history a report is about: a period and the sources of its items. An item is
 * in the period when it has an event in it; then its whole history up to the period's end counts,
 * so an item started before the period is still measured from its creation. Items with no event in
 * the period are left out entirely (an old import does not change this quarter's report), and so
 * are events after the period's end and items of other sources.
 *
 * @param from    first instant, inclusive (null: from the beginning)
 * @param to      last instant, inclusive (null: to the end)
 * @param sources the sources to keep ({@link Sources}: {@code baton}, {@code jira}…), empty for all
 */
public record Scope(Instant from, Instant to, Set<String> sources) implements java.io.Serializable {

    public static final Scope ALL = new Scope(null, null, Set.of());

    public Scope {
        sources = Set.copyOf(sources);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("expected the period's end (" + to + ") not before its start (" + from + ")");
        }
    }

    /**
     * A scope from what a person typed: days ({@code 2026-04-01}, the whole day in UTC) or instants
     * ({@code 2026-04-01T09:00:00Z}), each optional, and source names (blank ones ignored).
     *
     * @param fromName how the start is called where it was typed ("--from", "from"), for messages
     * @throws IllegalArgumentException saying which value is wrong and what is expected
     */
    public static Scope parse(String fromName, String from, String toName, String to, java.util.Collection<String> sources) {
        Instant start = blank(from) ? null : instant(fromName, from.strip(), false);
        Instant end = blank(to) ? null : instant(toName, to.strip(), true);
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("expected " + toName + " " + to.strip() + " not before " + fromName + " "
                    + from.strip());
        }
        Set<String> kept = new HashSet<>();
        for (String source : sources == null ? java.util.List.<String>of() : sources) {
            if (!blank(source)) {
                kept.add(source.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return new Scope(start, end, kept);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant instant(String name, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                java.time.LocalDate day = java.time.LocalDate.parse(value);
                return endOfDay ? day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusMillis(1)
                        : day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            }
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("expected " + name + " to be a day (2026-04-01) or an instant "
                    + "(2026-04-01T09:00:00Z), found '" + value + "'");
        }
    }

    public boolean all() {
        return from == null && to == null && sources.isEmpty();
    }

    /** A kept event that puts its item in the period: one on or after its start. */
    private boolean activates(RecordedEvent e) {
        return from == null || !e.at().isBefore(from);
    }

    /** An event of a kept source, not after the end. */
    boolean keeps(RecordedEvent e) {
        return (to == null || !e.at().isAfter(to)) && (sources.isEmpty() || sources.contains(Sources.of(e)));
    }

    /**
     * The events of one stream within this scope, given all of them in order (a log read case by
     * case): those {@link #of} passes on, so none when the stream has no event in the period.
     */
    public java.util.List<RecordedEvent> ofStream(java.util.List<RecordedEvent> events) {
        if (all()) {
            return events;
        }
        java.util.List<RecordedEvent> kept = new java.util.ArrayList<>(events.size());
        boolean active = false;
        for (RecordedEvent e : events) {
            if (keeps(e)) {
                kept.add(e);
                active = active || activates(e);
            }
        }
        return active ? kept : java.util.List.of();
    }

    /**
     * The events of a source within this scope. With a start, the source is read twice: once to
     * find the items active in the period, once to pass on their events.
     */
    DebtAnalysis.EventSource of(DebtAnalysis.EventSource source) {
        if (all()) {
            return source;
        }
        if (from == null) {
            return sink -> source.forEach(e -> {
                if (keeps(e)) {
                    sink.accept(e);
                }
            });
        }
        return sink -> {
            Set<String> active = new HashSet<>();
            source.forEach(e -> {
                if (keeps(e) && activates(e)) {
                    active.add(e.stream());
                }
            });
            source.forEach(e -> {
                if (keeps(e) && active.contains(e.stream())) {
                    sink.accept(e);
                }
            });
        };
    }
}
