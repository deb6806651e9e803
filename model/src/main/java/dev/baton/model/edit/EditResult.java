package dev.baton.model.edit;

import dev.baton.model.validation.ValidationReport;

/**
 * The text after the edits and what {@code baton model validate} says of it. An edit may leave
 * the model invalid while someone works on it (a stage renamed before its transitions): the
 * problems say where, and whether to save is the caller's decision.
 */
public record EditResult(String text, ValidationReport report) {

    public boolean valid() {
        return report.valid();
    }
}
