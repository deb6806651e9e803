package dev.baton.model.problem;

/** An error makes a model unusable; a warning is an orchestration-debt smell in a usable model. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
