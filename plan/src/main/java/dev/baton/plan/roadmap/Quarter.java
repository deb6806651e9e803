package dev.baton.plan.roadmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2027-Q3}. */
public record Quarter(int year, int number) implements Comparable<Quarter> {

    private static final Pattern FORM = Pattern.compile("(\\d{4})-?[Qq]([1-4])");

    public static Optional<Quarter> parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        return m.matches() ? Optional.of(new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** {@code 2027-Q1..2027-Q4}: every quarter from the first to the last; empty when malformed or reversed. */
    public static Optional<List<Quarter>> range(String text) {
        String[] ends = text.strip().split("\\.\\.", -1);
        if (ends.length != 2) {
            return Optional.empty();
        }
        Optional<Quarter> from = parse(ends[0]);
        Optional<Quarter> to = parse(ends[1]);
        if (from.isEmpty() || to.isEmpty() || from.get().compareTo(to.get()) > 0) {
            return Optional.empty();
        }
        List<Quarter> all = new ArrayList<>();
        for (Quarter q = from.get(); q.compareTo(to.get()) <= 0; q = q.plus(1)) {
            all.add(q);
        }
        return Optional.of(List.copyOf(all));
    }

    public Quarter plus(int quarters) {
        int index = year * 4 + number - 1 + quarters;
        return new Quarter(Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
    }

    /** Quarters from this one to {@code other} (negative when other is earlier). */
    public int until(Quarter other) {
        return (other.year * 4 + other.number) - (year * 4 + number);
    }

    @Override
    public int compareTo(Quarter o) {
        return Integer.compare(year * 4 + number, o.year * 4 + o.number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
