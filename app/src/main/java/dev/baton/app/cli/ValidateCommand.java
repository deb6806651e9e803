package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.app.json.ProblemJson;
import dev.baton.model.problem.Problem;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code baton model validate FILE… [--format text|json]}: every problem, with where it is. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check operating-model files and report every error and warning with file, line and column.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is valid (warnings allowed)", "1:a file has errors", "2:usage error"})
final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Model files (YAML).")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ValidationReport> reports = files.stream().map(ModelValidation::validate).toList();
        if (format == Format.json) {
            // One file gives one report object; several give an array of them.
            Object json = reports.size() == 1 ? ProblemJson.report(reports.get(0))
                    : reports.stream().map(ProblemJson::report).toList();
            out.println(Json.write(json));
        } else {
            reports.forEach(r -> printText(r, out));
        }
        return reports.stream().allMatch(ValidationReport::valid) ? Baton.OK : Baton.INVALID;
    }

    static void printText(ValidationReport report, PrintWriter out) {
        for (Problem p : report.problems()) {
            out.println(p.format(report.file()));
        }
        out.println(report.file() + ": " + (report.valid() ? "valid" : "invalid") + " ("
                + count(report.errors().size(), "error") + ", " + count(report.warnings().size(), "warning") + ")");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
