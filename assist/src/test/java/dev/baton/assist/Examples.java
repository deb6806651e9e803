package dev.baton.assist;

import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.nio.file.Path;

/** The repository's example models, read as a user's would be. */
public final class Examples {

    /** The repository root: tests run in the module folder. */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private Examples() {
    }

    public static OperatingModel model(String name) {
        ValidationReport report = ModelValidation.validate(ROOT.resolve("examples").resolve(name));
        if (!report.valid()) {
            throw new IllegalStateException(name + " is not valid: " + report.errors());
        }
        return report.model();
    }

    public static OperatingModel b2b() {
        return model("b2b-saas.yaml");
    }
}
