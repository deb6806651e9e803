package dev.baton.app.web;

import dev.baton.engine.version.ModelVersion;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The validation report of a stored model version (its warnings are the model's debt smells, read
 * by the model page and the debt report's phase assessment). A stored version never changes, so
 * each is validated once.
 */
@Component
class ModelWarnings {

    private final Map<Integer, ValidationReport> reports = new ConcurrentHashMap<>();

    ValidationReport of(ModelVersion version) {
        return reports.computeIfAbsent(version.number(),
                n -> ModelValidation.validate("model version " + n, version.source()));
    }
}
