package dev.baton.measure.attribution;

import java.util.Arrays;

/**
 * Folds input rows into {@link Journeys}: channel names are numbered, and rows with the same path
 * (the same channel ids in the same order) share one entry whose outcomes are summed. Paths are
 * kept end to end in one int array and found again through an open-addressing table.
 *
 * <p>With hundreds of thousands of distinct paths the table no longer fits in the processor's
 * caches, and every random read is a trip to memory; so a slot holds the path's hash beside its
 * number (one read rejects a wrong path) and a path's three sums sit side by side.
 */
final class JourneysBuilder {

    private final ChannelNames names = new ChannelNames();
    private int[] touches = new int[1 << 12];
    private int touchCount;
    private int[] starts = new int[1 << 10];
    /** conversions, value, nulls of path p at 3p, 3p + 1, 3p + 2. */
    private double[] sums = new double[3 << 10];
    private int paths;
    /** Per slot: the path's hash in the high half, its number + 1 in the low half; 0 when empty. */
    private long[] slots = new long[1 << 11];
    private int mask = slots.length - 1;

    ChannelNames names() {
        return names;
    }

    int channel(String name) {
        return names.id(name);
    }

    /** Adds one row whose path is {@code ids[0, length)}; the number of its distinct path. */
    int add(int[] ids, int length, double conversion, double value, double nullCount) {
        int h = 1;
        for (int i = 0; i < length; i++) {
            h = 31 * h + ids[i];
        }
        h = LongIndex.spread(h);
        int slot = h & mask;
        while (true) {
            long entry = slots[slot];
            if (entry == 0) {
                break;
            }
            int path = (int) entry - 1;
            if ((int) (entry >>> 32) == h && same(path, ids, length)) {
                addTo(path, conversion, value, nullCount);
                return path;
            }
            slot = (slot + 1) & mask;
        }
        if (paths + 1 >= starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            sums = Arrays.copyOf(sums, sums.length * 2);
        }
        if (touchCount + length > touches.length) {
            touches = Arrays.copyOf(touches, Math.max(touches.length * 2, touchCount + length));
        }
        System.arraycopy(ids, 0, touches, touchCount, length);
        starts[paths] = touchCount;
        touchCount += length;
        starts[paths + 1] = touchCount;
        sums[3 * paths] = conversion;
        sums[3 * paths + 1] = value;
        sums[3 * paths + 2] = nullCount;
        slots[slot] = ((long) h << 32) | (paths + 1L);
        paths++;
        if (paths * 2 > slots.length) {
            rehash();
        }
        return paths - 1;
    }

    /** Adds one row to the distinct path numbered {@code path} by {@link #add}. */
    void addTo(int path, double conversion, double value, double nullCount) {
        sums[3 * path] += conversion;
        sums[3 * path + 1] += value;
        sums[3 * path + 2] += nullCount;
    }

    /** Adds every distinct path of {@code journeys}, its channels renumbered to this builder's. */
    void addAll(Journeys journeys) {
        int[] local = new int[journeys.channels().size()];
        for (int c = 0; c < local.length; c++) {
            local[c] = channel(journeys.channels().get(c));
        }
        int[] ids = new int[Math.max(16, journeys.longestPath())];
        for (int p = 0; p < journeys.distinctPaths(); p++) {
            int from = journeys.starts[p];
            int length = journeys.starts[p + 1] - from;
            for (int i = 0; i < length; i++) {
                ids[i] = local[journeys.touches[from + i]];
            }
            add(ids, length, journeys.conversions[p], journeys.values[p], journeys.nulls[p]);
        }
    }

    private boolean same(int path, int[] ids, int length) {
        int start = starts[path];
        return starts[path + 1] - start == length && Arrays.equals(touches, start, start + length, ids, 0, length);
    }

    private void rehash() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = slots.length - 1;
        for (long entry : old) {
            if (entry != 0) {
                int slot = (int) (entry >>> 32) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = entry;
            }
        }
    }

    Journeys build(long rows, boolean nullsKnown) {
        double[] conversions = new double[paths];
        double[] values = new double[paths];
        double[] nulls = new double[paths];
        for (int p = 0; p < paths; p++) {
            conversions[p] = sums[3 * p];
            values[p] = sums[3 * p + 1];
            nulls[p] = sums[3 * p + 2];
        }
        return new Journeys(names.names(), rows, nullsKnown, Arrays.copyOf(touches, touchCount),
                Arrays.copyOf(starts, paths + 1), conversions, values, nulls);
    }
}
