package dev.baton.engine.batch;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * New batch ids: 12 random hex digits (48 bits), short enough to type in
 * {@code baton imports retract ID} and, for the few batches a log has, never the same twice.
 */
public final class BatchIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BatchIds() {
    }

    public static String next() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Whether {@code text} could be a batch id (letters, digits, '-' and '_'): anything else is refused before a lookup. */
    public static boolean plausible(String text) {
        return text != null && !text.isEmpty() && text.length() <= 64 && text.chars()
                .allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }
}
