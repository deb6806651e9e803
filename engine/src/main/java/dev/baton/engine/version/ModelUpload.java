package dev.baton.engine.version;

import dev.baton.model.validation.ValidationReport;

/**
 * The outcome of uploading a model: the version it is now (null when the model is invalid),
 * whether it was the current version unchanged (recognised by its sha256), and the full
 * validation report with every error and warning.
 */
public record ModelUpload(ModelVersion version, boolean unchanged, ValidationReport report) {

    public boolean accepted() {
        return version != null;
    }
}
