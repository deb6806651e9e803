package dev.baton.measure.funnel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** What the funnel is split by. */
public enum Dimension {
    /** The sourcing campaign: an opportunity's primary campaign, else its first touch's. */
    CAMPAIGN,
    /** The sourcing channel. */
    CHANNEL,
    /** The segment column of the lead or opportunity (else of another record of the account). */
    SEGMENT,
    /** The calendar quarter (UTC) in which the entity entered the funnel: a cohort. */
    QUARTER,
    /** No split: the total only. */
    NONE;

    static final String NO_VALUE = "(none)";

    static String quarter(Instant at) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        return t.getYear() + "-Q" + ((t.getMonthValue() - 1) / 3 + 1);
    }
}
