package dev.baton.app.cli;

import dev.baton.exchange.importing.Progress;
import java.io.PrintWriter;

/**
 * A one-line progress bar for long imports and exports, drawn only on a terminal: when output is
 * piped or captured (tests, scripts) it draws nothing, so logs stay clean.
 */
final class TerminalProgress implements Progress, AutoCloseable {

    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;
    private int lastPercent = -1;
    private boolean drawn;

    private TerminalProgress(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    /** A bar on the terminal, or {@link Progress#NONE} when there is none. */
    static Progress on(PrintWriter err, String label) {
        return System.console() != null ? new TerminalProgress(err, label) : Progress.NONE;
    }

    @Override
    public void advanced(long done, long total) {
        if (total <= 0) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% "
                + mb(done) + "/" + mb(total) + " MB");
        err.flush();
        drawn = true;
        if (percent == 100) {
            close();
        }
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1_048_576.0);
    }

    @Override
    public void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 30) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
