package dev.baton.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text input as Baton reads it: UTF-8, decoded strictly. A byte that is not UTF-8 (a Latin-1
 * export) or a NUL (a binary file) is refused with {@link NotTextException}, saying the byte and
 * line, where {@link java.io.InputStreamReader} would put U+FFFD in its place without a word. A
 * leading byte order mark is skipped, as spreadsheet programs write one.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** A strict UTF-8 reader of {@code in} (buffered; it reads ahead). */
    public static Reader reader(InputStream in) {
        return new StrictReader(in);
    }

    /**
     * Whether {@code bytes} (the start of a file) begin with a UTF-8 byte order mark.
     */
    public static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
    }

    private static final class StrictReader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        private final CharBuffer chars = CharBuffer.allocate(1 << 16);
        /** Bytes before {@code bytes}' start: its position plus this is the offset in the file. */
        private long consumed;
        private long line = 1;
        private boolean eof;
        private boolean started;
        /** The decoder was flushed at the end of input: nothing more to read, however often asked. */
        private boolean finished;

        StrictReader(InputStream in) {
            this.in = in;
            bytes.flip();
            chars.flip();
        }

        @Override
        public int read(char[] target, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!chars.hasRemaining()) {
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(len, chars.remaining());
            chars.get(target, off, n);
            return n;
        }

        /** Decodes more characters; false at the end of input. */
        private boolean fill() throws IOException {
            if (finished) {
                return false;
            }
            chars.clear();
            try {
                while (true) {
                    if (!eof && bytes.remaining() < 4) {
                        readBytes();
                    }
                    int before = chars.position();
                    CoderResult result = decoder.decode(bytes, chars, eof);
                    check(before);
                    if (result.isError()) {
                        throw NotTextException.notUtf8(consumed + bytes.position(), line);
                    }
                    if (chars.position() > 0) {
                        return true;
                    }
                    if (eof) {
                        finished = true;
                        decoder.flush(chars);
                        return chars.position() > 0;
                    }
                }
            } finally {
                chars.flip();
            }
        }

        /** Counts lines in the characters just decoded and refuses a NUL. */
        private void check(int from) throws NotTextException {
            // On the backing array: this runs over every character of every log Baton reads.
            char[] decoded = chars.array();
            int end = chars.position();
            for (int i = from; i < end; i++) {
                char c = decoded[i];
                if (c > '\n') {
                    continue;
                }
                if (c == '\n') {
                    line++;
                } else if (c == 0) {
                    // The byte offset of a NUL: its character index is not its byte index, so count back.
                    throw NotTextException.nul(consumed + bytes.position() - utf8Length(i, chars.position()), line);
                }
            }
        }

        /** UTF-8 bytes of the decoded characters from {@code from} to {@code to}. */
        private int utf8Length(int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                char c = chars.get(i);
                n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            }
            return n;
        }

        /** Reads until at least 4 bytes wait to be decoded (a whole character) or the input ends. */
        private void readBytes() throws IOException {
            consumed += bytes.position();
            bytes.compact();
            while (bytes.position() < 4 && !eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
            }
            bytes.flip();
            if (!started) {
                started = true;
                if (bytes.remaining() >= 3 && (bytes.get(0) & 0xff) == 0xEF && (bytes.get(1) & 0xff) == 0xBB
                        && (bytes.get(2) & 0xff) == 0xBF) {
                    bytes.position(3);
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
