package dev.baton.app.api;

import dev.baton.app.security.BatonUser;
import dev.baton.engine.Actor;

/**
 * What every command request carries besides its body: who sends it, the version the sender saw
 * ({@code If-Match} header or {@code expectedVersion} in the body; null: decide on the current
 * one) and its idempotency key ({@code Idempotency-Key} header; null: none).
 */
public record CommandOptions(Actor actor, Long expectedVersion, String commandId) {

    public static CommandOptions of(BatonUser user, String ifMatch, String idempotencyKey, JsonBody body) {
        Long fromBody = body.whole("expectedVersion");
        Long fromHeader = null;
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                fromHeader = Long.parseLong(tag);
            } catch (NumberFormatException e) {
                body.error("If-Match", "expected If-Match to be the item's version (as its ETag, e.g. \"3\"), found '"
                        + ifMatch + "'");
            }
        }
        if (fromHeader != null && fromBody != null && !fromHeader.equals(fromBody)) {
            body.error("expectedVersion", "If-Match says version " + fromHeader + " but expectedVersion says "
                    + fromBody + "; send one of them");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            body.error("Idempotency-Key", "expected an Idempotency-Key of 1 to 200 characters");
        }
        // Keys are per user: one user's key never replays another user's command.
        String commandId = idempotencyKey == null ? null : user.username() + ":" + idempotencyKey;
        return new CommandOptions(new Actor(user.personId()), fromHeader != null ? fromHeader : fromBody, commandId);
    }
}
