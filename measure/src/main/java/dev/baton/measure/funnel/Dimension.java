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
    /**
     * The work type of the campaign work item linked to the sourcing campaign: the campaign's logic,
     * with each campaign relabelled by a map the caller supplies (the measure knows no work items).
     */
    WORK_TYPE,
    /** The segment column of the lead or opportunity (else of another record of the account). */
    SEGMENT,
    /** The calendar quarter (UTC) in which the entity entered the funnel: a cohort. */
    QUARTER,
    /** No split: the total only. */
    NONE;

    static final String NO_VALUE = "(none)";
    /** The group of a campaign the relabelling does not name: no work item links to it. */
    public static final String NO_LINKED_ITEM = "(no linked work item)";

    static String quarter(Instant at) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        return t.getYear() + "-Q" + ((t.getMonthValue() - 1) / 3 + 1);
    }
}
