package dev.baton.app.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a user may do in Baton, before the model's decision rights are checked on top: a viewer
 * reads, a member runs work, ops also uploads models, an admin also manages users.
 */
public enum Role {
    ADMIN, OPS, MEMBER, VIEWER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
