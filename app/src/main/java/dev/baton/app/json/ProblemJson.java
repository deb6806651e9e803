package dev.baton.app.json;

import dev.baton.model.problem.Problem;
import dev.baton.model.validation.ValidationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented JSON shape of a validation report (docs/model-reference.md):
 * {@code {file, valid, errors: [{line, column, path, code, message}], warnings: [...]}}.
 */
public final class ProblemJson {

    private ProblemJson() {
    }

    public static Map<String, Object> report(ValidationReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", report.file());
        json.put("valid", report.valid());
        json.put("errors", problems(report.errors()));
        json.put("warnings", problems(report.warnings()));
        return json;
    }

    public static List<Map<String, Object>> problems(List<Problem> problems) {
        return problems.stream().map(ProblemJson::problem).toList();
    }

    public static Map<String, Object> problem(Problem p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line", p.line());
        json.put("column", p.column());
        json.put("path", p.path());
        json.put("code", p.code());
        json.put("message", p.message());
        return json;
    }
}
