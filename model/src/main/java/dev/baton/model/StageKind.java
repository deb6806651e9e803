package dev.baton.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a stage is for. Making is the work itself; coordination is reviews, approvals and
 * alignment; waiting is a queue. The debt report's coordination share is built on this split.
 */
public enum StageKind {
    MAKING, COORDINATION, WAITING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StageKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }
}
