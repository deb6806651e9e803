package dev.baton.app.cli;

import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;

/** A model file that a command needs valid: its errors printed and null when it is not. */
final class ModelFiles {

    private ModelFiles() {
    }

    static OperatingModel validOrNull(Path file, PrintWriter err) {
        ValidationReport report = ModelValidation.validate(file);
        if (report.valid()) {
            return report.model();
        }
        report.errors().forEach(p -> err.println(p.format(report.file())));
        err.println("baton: " + file + ": the model is invalid; fix it first (baton model validate)");
        return null;
    }
}
