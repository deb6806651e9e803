package dev.baton.exchange.calendar;

import java.util.List;

/**
 * One unfolded content line of an iCalendar file (RFC 5545 3.1): {@code NAME;PARAM=value:value},
 * the name upper case, parameter values without their quotes.
 */
record ContentLine(String name, List<Param> params, String value) {

    record Param(String name, String value) {
    }

    /** The first value of a parameter, or null. */
    String param(String paramName) {
        for (Param p : params) {
            if (p.name().equals(paramName)) {
                return p.value();
            }
        }
        return null;
    }
}
