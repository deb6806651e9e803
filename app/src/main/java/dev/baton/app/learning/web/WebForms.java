package dev.baton.app.learning.web;

import dev.baton.app.security.BatonUser;
import dev.baton.app.security.Role;
import dev.baton.engine.CommandResult;

/** What the learning pages share with the other pages' forms: one-time keys and what a refused command says. */
final class WebForms {

    private WebForms() {
    }

    /** Keys are per user, as in the API and the other pages: a double submit records nothing twice. */
    static String commandId(BatonUser user, String key) {
        return key == null || key.isBlank() || key.length() > 100 ? null : "web:" + user.username() + ":" + key;
    }

    /** The engine's sentence for a refused command; null when it was recorded. */
    static String refusal(CommandResult result) {
        return result instanceof CommandResult.Rejected r ? r.rejection().sentence() : null;
    }

    /** Whoever holds the right to change the model (ops and admins, as for uploads and the model editor). */
    static boolean ownsModel(BatonUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.OPS;
    }

    static Long version(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
