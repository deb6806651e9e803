package dev.baton.exchange.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a calendar file into content lines (RFC 5545 3.1): unfolds a line break followed by a
 * space or tab (CRLF as the RFC says, or LF alone as files saved on Unix have it), then splits
 * name, parameters and value. Strict on purpose: whatever it does not recognise (a bare CR, an
 * empty line, a name with other characters, an unclosed quote) ends the fast reading with
 * {@link FastCalendarReader.NotFast}, and ical4j reads the file instead, accepting it or naming
 * the problem as it always did.
 */
final class ContentLines {

    private final String text;
    private final StringBuilder unfolded = new StringBuilder(256);
    private int pos;
    private int lineStart;

    ContentLines(String text) {
        this.text = text;
    }

    /** Where the line last returned starts in the text (for cutting an event out). */
    int lineStart() {
        return lineStart;
    }

    /** Where the next line starts: just after the line last returned and its line break. */
    int position() {
        return pos;
    }

    /** The next line, or null at the end of the text. */
    ContentLine next() throws FastCalendarReader.NotFast {
        if (pos >= text.length()) {
            return null;
        }
        lineStart = pos;
        unfolded.setLength(0);
        int n = text.length();
        while (true) {
            int from = pos;
            int end = from;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            unfolded.append(text, from, end);
            int next = end;
            if (next < n && text.charAt(next) == '\r') {
                next++;
                if (next >= n || text.charAt(next) != '\n') {
                    throw new FastCalendarReader.NotFast("a carriage return without a line feed");
                }
            }
            if (next < n) {
                next++;
            }
            if (next < n && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
                pos = next + 1;
                continue;
            }
            pos = next;
            break;
        }
        if (unfolded.isEmpty()) {
            throw new FastCalendarReader.NotFast("an empty line");
        }
        return parse(unfolded.toString());
    }

    private static ContentLine parse(String line) throws FastCalendarReader.NotFast {
        int i = 0;
        int n = line.length();
        while (i < n && isNameChar(line.charAt(i))) {
            i++;
        }
        if (i == 0 || i == n || line.charAt(i) != ';' && line.charAt(i) != ':') {
            throw new FastCalendarReader.NotFast("not a content line: " + line);
        }
        String name = upper(line.substring(0, i));
        List<ContentLine.Param> params = List.of();
        while (line.charAt(i) == ';') {
            int nameStart = ++i;
            while (i < n && isNameChar(line.charAt(i))) {
                i++;
            }
            if (i == nameStart || i == n || line.charAt(i) != '=') {
                throw new FastCalendarReader.NotFast("a parameter without a value: " + line);
            }
            String paramName = upper(line.substring(nameStart, i));
            i++;
            StringBuilder value = new StringBuilder();
            while (true) {
                if (i < n && line.charAt(i) == '"') {
                    int close = line.indexOf('"', i + 1);
                    if (close < 0) {
                        throw new FastCalendarReader.NotFast("an unclosed quote: " + line);
                    }
                    value.append(line, i + 1, close);
                    i = close + 1;
                } else {
                    int start = i;
                    while (i < n && line.charAt(i) != ';' && line.charAt(i) != ':' && line.charAt(i) != ','
                            && line.charAt(i) != '"') {
                        i++;
                    }
                    value.append(line, start, i);
                }
                if (i < n && line.charAt(i) == ',') {
                    value.append(',');
                    i++;
                    continue;
                }
                break;
            }
            if (i == n || line.charAt(i) != ';' && line.charAt(i) != ':') {
                throw new FastCalendarReader.NotFast("a parameter value ends early: " + line);
            }
            if (params.isEmpty()) {
                params = new ArrayList<>(2);
            }
            params.add(new ContentLine.Param(paramName, value.toString()));
        }
        return new ContentLine(name, params, line.substring(i + 1));
    }

    private static boolean isNameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
    }

    private static String upper(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
                return s.toUpperCase(Locale.ROOT);
            }
        }
        return s;
    }
}
