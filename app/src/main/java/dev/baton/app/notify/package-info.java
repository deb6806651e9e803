/**
 * Notifications (docs/notifications.md): the person who must act is told. {@link dev.baton.app.notify.Notifier}
 * follows the event log and, for each approval asked, handoff sent, mention and SLA about to breach,
 * records one {@link dev.baton.app.notify.Notification} per person in the inbox, and deliveries by
 * email and webhook as each person's {@link dev.baton.app.notify.Preferences} ask; the
 * {@link dev.baton.app.notify.Courier} sends them, retrying with backoff. The weekly report by email
 * ({@link dev.baton.app.notify.ReportSubscriptions}) goes through the same deliveries.
 */
package dev.baton.app.notify;
