package dev.baton.app.cli;

import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;

/** For commands that need a valid model: read and check it, or say what to fix. */
final class ValidModel {

    private ValidModel() {
    }

    /** The validation report when the model is valid; otherwise its errors go to {@code err} and null comes back. */
    static ValidationReport read(Path file, PrintWriter err) {
        ValidationReport report = ModelValidation.validate(file);
        if (report.valid()) {
            return report;
        }
        report.refusal().forEach(err::println);
        return null;
    }
}
