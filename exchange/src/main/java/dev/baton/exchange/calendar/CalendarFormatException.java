package dev.baton.exchange.calendar;

/**
 * A calendar file that cannot be read: {@code file:line: error: what} in one line, as every
 * other input error of Baton names its place.
 */
public final class CalendarFormatException extends Exception {

    public CalendarFormatException(String file, int line, String what, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": error: " + what, cause);
    }
}
