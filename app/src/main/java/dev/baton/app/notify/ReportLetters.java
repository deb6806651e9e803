package dev.baton.app.notify;

/**
 * Writes the weekly report a subscription asked for (the web app knows how; see
 * dev.baton.app.web.WeeklyReports): notifications send it without knowing what a report is.
 */
public interface ReportLetters {

    /** The letter of one week's report for the subscription's audience. */
    Letter weekly(ReportSubscriptions.Subscription subscription, String week);
}
