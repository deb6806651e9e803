package dev.baton.app.notify;

/**
 * A message as every channel sends it: an email's subject and body (plain text, and HTML when
 * given), a webhook's text.
 */
public record Letter(String subject, String text, String html) {
}
