package dev.baton.assist.draft;

/**
 * A value found in a request: where it stands, what it is, and of which kind.
 *
 * @param value a {@link java.time.LocalDate}, a {@link Double}, or text
 */
record Mention(int start, int end, Object value, Kind kind) {

    enum Kind { DATE, MONEY, PERCENT, NUMBER, URL, PERSON, QUARTER, NAME }

    boolean overlaps(int from, int to) {
        return start < to && from < end;
    }
}
