package dev.baton.engine.version;

import dev.baton.model.validation.ValidationReport;

/**
 * The outcome of uploading a model: the version it is now (null when the model is invalid or
 * refused), whether it was the current version unchanged (recognised by its sha256), the full
 * validation report with every error and warning, and, for a valid model that would break data
 * already stored ({@link UploadGuard}), why it was refused.
 */
public record ModelUpload(ModelVersion version, boolean unchanged, ValidationReport report, Refusal refusal) {

    /**
     * Why a valid model was not stored.
     *
     * @param code   the problem type, as the API names it ({@code funnel-breaks-stored-exports})
     * @param detail what would break and how to fix it, in a sentence or two
     */
    public record Refusal(String code, String detail) {
    }

    public ModelUpload(ModelVersion version, boolean unchanged, ValidationReport report) {
        this(version, unchanged, report, null);
    }

    public boolean accepted() {
        return version != null;
    }

    /** Valid, but refused by a guard: nothing was stored. */
    public boolean refused() {
        return refusal != null;
    }
}
