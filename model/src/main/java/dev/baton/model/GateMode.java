package dev.baton.model;

/** Whether every approver of a gate must approve, or any one of them. */
public enum GateMode {
    ALL, ANY;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
