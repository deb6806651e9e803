package dev.baton.engine.io;

import java.io.IOException;
import java.util.Optional;

/**
 * Input Baton refuses before any reader makes sense of it: a gzip stream that expands too far,
 * bytes that are not UTF-8 text. The message is one sentence for the user, without the file name
 * (the command that read the file puts it in front).
 */
public class InputRefusedException extends IOException {

    public InputRefusedException(String message) {
        super(message);
    }

    /**
     * The refusal among a throwable's causes and suppressed exceptions, if any: readers wrap the
     * I/O errors of their stream in their own exceptions (Jackson, StAX, Commons CSV).
     */
    public static Optional<InputRefusedException> in(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < 20; c = c.getCause() == c ? null : c.getCause(), depth++) {
            if (c instanceof InputRefusedException e) {
                return Optional.of(e);
            }
            for (Throwable s : c.getSuppressed()) {
                if (s instanceof InputRefusedException e) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }
}
