package dev.baton.exchange.calendar;

/**
 * A calendar file that cannot be read: {@code file:line: error: what} in one line, as every
 * other input error of Baton names its place.
 */
public final class CalendarFormatException extends Exception {

    public CalendarFormatException(String file, int line, String what, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": error: " + what, cause);
    }

    static CalendarFormatException noUid(String file, int index) {
        return new CalendarFormatException(file, 0, "event " + index + " has no UID (RFC 5545 requires one; "
                + "without it the same meeting in two calendars cannot be told apart)", null);
    }
}
