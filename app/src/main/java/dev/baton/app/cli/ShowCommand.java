package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.app.json.ModelJson;
import dev.baton.model.show.ModelMap;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code baton model show FILE [--format text|json|mermaid]}: the model as a readable map. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a valid operating model: stage flows, RACI, handoffs and ownership (text), "
                + "one flowchart with a subgraph per work type (mermaid) or the normalised model (json).")
final class ShowCommand implements Callable<Integer> {

    enum Format { text, json, mermaid }

    @Parameters(paramLabel = "FILE", description = "The model file (YAML).")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text, json or mermaid (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ValidationReport report = ModelValidation.validate(file);
        if (!report.valid()) {
            // Showing a broken model would show something that is not the model; say what to fix.
            PrintWriter err = spec.commandLine().getErr();
            report.errors().forEach(p -> err.println(p.format(report.file())));
            err.println(report.file() + ": invalid, fix the errors above first (baton model validate " + report.file() + ")");
            return Baton.INVALID;
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(Json.write(ModelJson.model(report.model())));
            case text -> out.print(ModelMap.text(report.model()));
            case mermaid -> out.print(ModelMap.mermaid(report.model()));
        }
        return Baton.OK;
    }
}
