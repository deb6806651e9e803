package dev.baton.measure.attribution;

import java.util.Arrays;

/**
 * Folds input rows into {@link Journeys}: channel names are numbered, and rows with the same path
 * (the same channel ids in the same order) share one entry whose outcomes are summed. Paths are
 * kept end to end in one int array and found again through an open-addressing table of their hashes.
 */
final class JourneysBuilder {

    private final ChannelNames names = new ChannelNames();
    private int[] touches = new int[1 << 12];
    private int touchCount;
    private int[] starts = new int[1 << 10];
    private int[] hashes = new int[1 << 10];
    private double[] conversions = new double[1 << 10];
    private double[] values = new double[1 << 10];
    private double[] nulls = new double[1 << 10];
    private int paths;
    private int[] slots = new int[1 << 11];
    private int mask = slots.length - 1;

    JourneysBuilder() {
        Arrays.fill(slots, -1);
    }

    ChannelNames names() {
        return names;
    }

    int channel(String name) {
        return names.id(name);
    }

    /** Adds one row whose path is {@code ids[0, length)}. */
    void add(int[] ids, int length, double conversion, double value, double nullCount) {
        int h = 1;
        for (int i = 0; i < length; i++) {
            h = 31 * h + ids[i];
        }
        h = LongIndex.spread(h);
        int slot = h & mask;
        while (true) {
            int path = slots[slot];
            if (path < 0) {
                break;
            }
            if (hashes[path] == h && same(path, ids, length)) {
                conversions[path] += conversion;
                values[path] += value;
                nulls[path] += nullCount;
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (paths + 1 >= starts.length) {
            int n = starts.length * 2;
            starts = Arrays.copyOf(starts, n);
            hashes = Arrays.copyOf(hashes, n);
            conversions = Arrays.copyOf(conversions, n);
            values = Arrays.copyOf(values, n);
            nulls = Arrays.copyOf(nulls, n);
        }
        if (touchCount + length > touches.length) {
            touches = Arrays.copyOf(touches, Math.max(touches.length * 2, touchCount + length));
        }
        System.arraycopy(ids, 0, touches, touchCount, length);
        starts[paths] = touchCount;
        touchCount += length;
        hashes[paths] = h;
        conversions[paths] = conversion;
        values[paths] = value;
        nulls[paths] = nullCount;
        slots[slot] = paths;
        paths++;
        if (paths * 2 > slots.length) {
            rehash();
        }
    }

    private boolean same(int path, int[] ids, int length) {
        int start = starts[path];
        int end = path + 1 < paths ? starts[path + 1] : touchCount;
        return end - start == length && Arrays.equals(touches, start, end, ids, 0, length);
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        mask = slots.length - 1;
        for (int p = 0; p < paths; p++) {
            int slot = hashes[p] & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = p;
        }
    }

    Journeys build(long rows, boolean nullsKnown) {
        int[] bounds = Arrays.copyOf(starts, paths + 1);
        bounds[paths] = touchCount;
        return new Journeys(names.names(), rows, nullsKnown, Arrays.copyOf(touches, touchCount), bounds,
                Arrays.copyOf(conversions, paths), Arrays.copyOf(values, paths), Arrays.copyOf(nulls, paths));
    }
}
