package dev.baton.measure.attribution;

import dev.baton.measure.csv.ByteSliceIndex;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Channel names numbered 0, 1, 2, … in the order first seen, looked up by their UTF-8 bytes. */
final class ChannelNames {

    private final ByteSliceIndex index = new ByteSliceIndex();
    /**
     * Names of up to 7 bytes (most channel names) packed with their length into a long, to their id:
     * one lookup of a number instead of hashing and comparing bytes for each of millions of touches.
     */
    private final LongIndex shortNames = new LongIndex(64);
    private int[] shortIds = new int[64];
    private final List<String> names = new ArrayList<>();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    List<String> names() {
        return List.copyOf(names);
    }

    int id(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return id(bytes, 0, bytes.length);
    }

    /** The id of the name in {@code bytes[from, to)}, -1 when those bytes are not UTF-8. */
    int id(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length > 7) {
            return slowId(bytes, from, to);
        }
        long key = length;
        for (int i = from; i < to; i++) {
            key = key << 8 | (bytes[i] & 0xff);
        }
        int slot = shortNames.find(key);
        if (slot >= 0) {
            return shortIds[slot];
        }
        int id = slowId(bytes, from, to);
        if (id >= 0) {
            slot = shortNames.add(key);
            if (slot == shortIds.length) {
                shortIds = java.util.Arrays.copyOf(shortIds, slot * 2);
            }
            shortIds[slot] = id;
        }
        return id;
    }

    private int slowId(byte[] bytes, int from, int to) {
        int h = ByteSliceIndex.hash(bytes, from, to);
        int id = index.find(bytes, from, to, h);
        if (id >= 0) {
            return id;
        }
        try {
            names.add(decoder.decode(ByteBuffer.wrap(bytes, from, to - from)).toString());
        } catch (CharacterCodingException e) {
            return -1;
        }
        return index.add(bytes, from, to, h);
    }
}
