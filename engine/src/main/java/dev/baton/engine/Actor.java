package dev.baton.engine;

import java.util.Objects;

/**
 * Who issues a command: a person of the operating model (by person id). Roles (admin, ops,
 * member, viewer) are the app's concern and are checked before a command reaches the engine;
 * the engine checks decision rights, which come from the model.
 */
public record Actor(String personId) {
    public Actor {
        Objects.requireNonNull(personId, "personId");
    }

    /** For events recorded by Baton itself (imports, the simulator, SLA timers). */
    public static final Actor SYSTEM = new Actor("baton");

    @Override
    public String toString() {
        return personId;
    }
}
