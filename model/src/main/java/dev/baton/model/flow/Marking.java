package dev.baton.model.flow;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * How many tokens each place of a net holds: an immutable multiset of place indexes. Kept as a
 * dense int array so that replay can compare and hash markings cheaply (for instance as the
 * states of an A* search).
 */
public final class Marking {

    private final int[] counts;

    private Marking(int[] counts) {
        this.counts = counts;
    }

    /** A marking of a net with {@code placeCount} places and one token per listed place (repeats add up). */
    public static Marking of(int placeCount, int... places) {
        int[] counts = new int[placeCount];
        for (int place : places) {
            counts[place]++;
        }
        return new Marking(counts);
    }

    /** A marking with the given token count per place index. */
    public static Marking ofCounts(int... counts) {
        for (int count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("token counts cannot be negative: " + Arrays.toString(counts));
            }
        }
        return new Marking(counts.clone());
    }

    /** Wraps an array this class then owns; only for callers that never touch it again. */
    static Marking owning(int[] counts) {
        return new Marking(counts);
    }

    /** The number of places of the net this marking belongs to. */
    public int placeCount() {
        return counts.length;
    }

    public int tokens(int place) {
        return counts[place];
    }

    public int total() {
        return Arrays.stream(counts).sum();
    }

    /**
     * This marking with {@code n} more tokens in {@code place} ({@code n} may be negative), as token
     * replay does when it adds missing tokens to force a transition.
     */
    public Marking plus(int place, int n) {
        int[] next = counts.clone();
        next[place] += n;
        if (next[place] < 0) {
            throw new IllegalArgumentException(
                    "place " + place + " holds " + counts[place] + " tokens, cannot take away " + -n);
        }
        return new Marking(next);
    }

    /** A copy of the token count per place index. */
    public int[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Marking m && Arrays.equals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    /** The marked place indexes, with a count when above one: {@code [0, 3x2]}. */
    @Override
    public String toString() {
        StringJoiner marked = new StringJoiner(", ", "[", "]");
        for (int p = 0; p < counts.length; p++) {
            if (counts[p] > 0) {
                marked.add(counts[p] == 1 ? String.valueOf(p) : p + "x" + counts[p]);
            }
        }
        return marked.toString();
    }
}
