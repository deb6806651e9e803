package dev.baton.measure.attribution;

import java.util.Arrays;

/**
 * Numbers distinct {@code long} keys 0, 1, 2, … in the order they are first seen. An open-addressing
 * table of primitives: the Markov chain's states and edges and the Shapley coalitions are looked up
 * millions of times, and boxed {@code HashMap<Long, …>} entries would cost more than the arithmetic.
 */
final class LongIndex {

    private long[] keys;
    private int[] slots;
    private int size;
    private int mask;

    LongIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new int[capacity];
        Arrays.fill(slots, -1);
        mask = capacity - 1;
        keys = new long[Math.max(16, expected)];
    }

    int size() {
        return size;
    }

    long key(int index) {
        return keys[index];
    }

    /** The index of {@code key}, -1 when it has none. */
    int find(long key) {
        int slot = spread(key) & mask;
        while (true) {
            int index = slots[slot];
            if (index < 0 || keys[index] == key) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The index of {@code key}, numbering it when new. */
    int add(long key) {
        int slot = spread(key) & mask;
        while (true) {
            int index = slots[slot];
            if (index < 0) {
                break;
            }
            if (keys[index] == key) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size] = key;
        slots[slot] = size;
        size++;
        if (size * 2 > slots.length) {
            grow();
        }
        return size - 1;
    }

    private void grow() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = spread(keys[i]) & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i;
        }
    }

    /** MurmurHash3's finaliser: neighbouring keys (tuples differing in one digit) land far apart. */
    static int spread(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
