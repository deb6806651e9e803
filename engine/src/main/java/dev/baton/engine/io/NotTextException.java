package dev.baton.engine.io;

/**
 * Bytes that are not UTF-8 text (a Latin-1 or Windows-1252 export, a binary file): where, by byte
 * offset and line, and what to do about it.
 */
public final class NotTextException extends InputRefusedException {

    private final long byteOffset;
    private final long line;

    public NotTextException(String message, long byteOffset, long line) {
        super(message);
        this.byteOffset = byteOffset;
        this.line = line;
    }

    /** "not UTF-8 at byte N (line L); save the export as UTF-8". */
    public static NotTextException notUtf8(long byteOffset, long line) {
        return new NotTextException("not UTF-8 at byte " + byteOffset + " (line " + line
                + "); save the export as UTF-8", byteOffset, line);
    }

    /** A NUL character, which no text export holds. */
    public static NotTextException nul(long byteOffset, long line) {
        return new NotTextException("a NUL byte at byte " + byteOffset + " (line " + line
                + "): expected text, found binary data", byteOffset, line);
    }

    /** 0-based offset of the first byte at fault. */
    public long byteOffset() {
        return byteOffset;
    }

    /** 1-based line of the first byte at fault. */
    public long line() {
        return line;
    }
}
