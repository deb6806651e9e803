package dev.baton.app.notify;

import java.util.List;

/** What a notification, or a digest of several, says in an email or a chat message. */
final class Letters {

    private static final java.util.Map<String, String> KIND = java.util.Map.of("approval", "Approval",
            "handoff", "Handoff", "sla", "SLA", "mention", "Mention");

    private Letters() {
    }

    static Letter of(List<Notification> told, String baseUrl) {
        if (told.size() == 1) {
            Notification n = told.get(0);
            return new Letter("[Baton] " + n.text() + ": " + n.title(), line(n, baseUrl), null);
        }
        StringBuilder text = new StringBuilder(told.size() + " things wait for you in Baton:\n\n");
        for (Notification n : told) {
            text.append("- ").append(line(n, baseUrl).replace("\n", "\n  ")).append('\n');
        }
        return new Letter("[Baton] " + told.size() + " things wait for you", text.toString(), null);
    }

    /** "Approval · Spring webinars: Maya Chen asks for your approval at Brief review <link>", and the person's words. */
    static String line(Notification n, String baseUrl) {
        return KIND.getOrDefault(n.kind(), n.kind()) + " · " + n.title() + ": " + n.text() + " " + baseUrl + "/items/"
                + n.item() + (n.detail() == null ? "" : "\n\"" + n.detail() + "\"");
    }
}
