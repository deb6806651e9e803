package dev.baton.app.cli;

import dev.baton.assist.gate.Gate;
import dev.baton.model.validation.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options the gated assistants share: the model, an override of the gate, the output format. */
final class AssistOptions {

    enum Format { text, json }

    @Option(names = "--model", required = true, paramLabel = "MODEL.yaml", description = "The operating model.")
    Path model;

    @Option(names = "--override", paramLabel = "REASON", description = "Run the assistant although the work is not ready "
            + "for AI, for this reason (kept with what it makes).")
    String override;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    boolean json() {
        return format == Format.json;
    }

    /** The model when it is valid; otherwise its errors are said on {@code err} and null comes back. */
    ValidationReport model(PrintWriter err) {
        return ValidModel.read(model, err);
    }

    /**
     * Whether the gate lets the assistant run; when not, says on {@code err} what is not ready,
     * each failing condition with its fix, and how to run it anyway (the command exits 1).
     *
     * @param what what is not ready, e.g. "work type 'initiative' is" or "the intake is"
     */
    static boolean allowed(Gate gate, String command, String what, PrintWriter err) {
        if (gate.allowed()) {
            return true;
        }
        err.print("baton assist " + command + ": " + what + " not ready for AI (baton analyze, AI readiness); failing:\n"
                + gate.explain());
        err.println("Fix these, or run it anyway with --override \"REASON\" (the reason is kept).");
        return false;
    }
}
