package dev.baton.measure.experiment.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Dense ids for short byte strings (experiment ids, variant names) looked up straight from a line
 * buffer: open addressing on an FNV-1a hash, a copy of the bytes only the first time a key is seen.
 */
final class ByteKeys {

    private int[] slots = new int[64];
    private final List<byte[]> keys = new ArrayList<>();
    private int[] hashes = new int[16];

    ByteKeys() {
        Arrays.fill(slots, -1);
    }

    int size() {
        return keys.size();
    }

    String name(int id) {
        return new String(keys.get(id), StandardCharsets.UTF_8);
    }

    /** The id of {@code b[from, to)}, added when new. */
    int id(byte[] b, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        // FNV's low bits depend only on the keys' low bits: mix before masking (murmur3's finaliser).
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        int mask = slots.length - 1;
        int slot = h & mask;
        while (true) {
            int id = slots[slot];
            if (id < 0) {
                return add(b, from, to, h, slot);
            }
            if (hashes[id] == h && Arrays.equals(keys.get(id), 0, keys.get(id).length, b, from, to)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(byte[] b, int from, int to, int h, int slot) {
        int id = keys.size();
        keys.add(Arrays.copyOfRange(b, from, to));
        if (id == hashes.length) {
            hashes = Arrays.copyOf(hashes, id * 2);
        }
        hashes[id] = h;
        slots[slot] = id;
        if (keys.size() * 2 > slots.length) {
            int[] bigger = new int[slots.length * 2];
            Arrays.fill(bigger, -1);
            int mask = bigger.length - 1;
            for (int i = 0; i < keys.size(); i++) {
                int s = hashes[i] & mask;
                while (bigger[s] >= 0) {
                    s = (s + 1) & mask;
                }
                bigger[s] = i;
            }
            slots = bigger;
        }
        return id;
    }
}
