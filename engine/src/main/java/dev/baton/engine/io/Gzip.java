package dev.baton.engine.io;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The one way Baton opens gzip input, whatever reads it (exports, event logs, JSONL logs, uploads):
 * the decompressed bytes are limited, so that a small file that expands without end (a "gzip bomb")
 * is refused with a clear message instead of filling memory or disk. Two limits, see {@link Limits}:
 * the total decompressed size, and the expansion ratio once the first bytes are read.
 */
public final class Gzip {

    private Gzip() {
    }

    /**
     * How far a gzip stream may expand.
     *
     * @param maxBytes  the most decompressed bytes read from one file
     * @param maxRatio  the most decompressed bytes per compressed byte, checked after {@code freeBytes}
     * @param freeBytes how many decompressed bytes are read before the ratio is checked
     */
    public record Limits(long maxBytes, long maxRatio, long freeBytes) {

        /** 2 GB, 200:1 after the first 32 MB. */
        public static final Limits DEFAULT = new Limits(2048L << 20, 200, 32L << 20);

        /** System property (MB) for {@link #maxBytes}; the environment variable BATON_GZIP_MAX_MB too. */
        public static final String MAX_MB = "baton.gzip.max-mb";
        /** System property for {@link #maxRatio}; the environment variable BATON_GZIP_MAX_RATIO too. */
        public static final String MAX_RATIO = "baton.gzip.max-ratio";

        /** The defaults, changed by the system properties or environment variables when set. */
        public static Limits configured() {
            long mb = setting(MAX_MB, "BATON_GZIP_MAX_MB", DEFAULT.maxBytes >> 20);
            long ratio = setting(MAX_RATIO, "BATON_GZIP_MAX_RATIO", DEFAULT.maxRatio);
            return new Limits(mb << 20, ratio, DEFAULT.freeBytes);
        }

        private static long setting(String property, String variable, long fallback) {
            String value = System.getProperty(property, System.getenv(variable));
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                long parsed = Long.parseLong(value.strip());
                return parsed > 0 ? parsed : fallback;
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        /** "at most 2048 MB, at most 200:1 after the first 100 MB", for messages and docs. */
        public String describe() {
            return "at most " + (maxBytes >> 20) + " MB decompressed and at most " + maxRatio + ":1 after the first "
                    + (freeBytes >> 20) + " MB";
        }
    }

    /** Whether a stream starts with gzip's magic bytes; the stream must support mark (it is reset). */
    public static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b;
    }

    /** The stream decompressed if it starts with gzip's magic bytes, else as it is (buffered). */
    public static InputStream detect(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        return isGzip(buffered) ? open(buffered) : buffered;
    }

    /** The file's stream decompressed when its name ends in {@code .gz}. */
    public static InputStream byName(java.nio.file.Path file, InputStream in) throws IOException {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? open(in) : in;
    }

    /** {@code compressed} decompressed within the configured limits. */
    public static InputStream open(InputStream compressed) throws IOException {
        return open(compressed, Limits.configured());
    }

    /**
     * {@code compressed} decompressed within {@code limits}: reading beyond them throws
     * {@link ExpansionRefusedException} (and again on every later read).
     */
    public static InputStream open(InputStream compressed, Limits limits) throws IOException {
        Counting counted = new Counting(compressed);
        return new Input(new Bounded(new GZIPInputStream(counted, 1 << 16), counted, limits));
    }

    /**
     * The refusal behind a reader's error, if any: found among the throwable's causes or, as readers
     * may drop the cause, in the state of the stream they read ({@code in}, as returned here).
     */
    public static java.util.Optional<InputRefusedException> refusal(InputStream in, Throwable t) {
        if (in instanceof Input input && input.bounded.refused != null) {
            return java.util.Optional.of(input.bounded.refused);
        }
        return InputRefusedException.in(t);
    }

    /** Decompressed, buffered input that remembers whether it refused to expand further. */
    private static final class Input extends BufferedInputStream {
        private final Bounded bounded;

        Input(Bounded bounded) {
            super(bounded, 1 << 16);
            this.bounded = bounded;
        }
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final Counting compressed;
        private final Limits limits;
        private long expanded;
        private ExpansionRefusedException refused;

        Bounded(InputStream in, Counting compressed, Limits limits) {
            super(in);
            this.compressed = compressed;
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (refused != null) {
                throw refused;
            }
            int n = super.read(b, off, len);
            if (n > 0) {
                expanded += n;
                check();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        private void check() throws ExpansionRefusedException {
            long in = Math.max(1, compressed.count);
            if (expanded > limits.maxBytes()) {
                refused = new ExpansionRefusedException("expands beyond " + size(limits.maxBytes()) + " ("
                        + size(expanded) + " from " + size(in) + "); refusing to read it (" + limits.describe()
                        + "; raise the limit with -D" + Limits.MAX_MB + "=MB or BATON_GZIP_MAX_MB)", expanded, in);
            } else if (expanded > limits.freeBytes() && expanded / in > limits.maxRatio()) {
                refused = new ExpansionRefusedException("expands beyond " + limits.maxRatio() + ":1 (" + size(expanded)
                        + " from " + size(in) + "), which looks like a gzip bomb; refusing to read it ("
                        + limits.describe() + "; change the ratio with -D" + Limits.MAX_RATIO
                        + "=N or BATON_GZIP_MAX_RATIO)", expanded, in);
            }
            if (refused != null) {
                throw refused;
            }
        }
    }

    /** "97 KB", "100 MB". */
    static String size(long bytes) {
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1L << 10) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }
}
