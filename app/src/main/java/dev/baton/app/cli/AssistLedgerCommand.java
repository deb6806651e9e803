package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.assist.Assist;
import dev.baton.assist.history.WorkHistory;
import dev.baton.assist.json.AssistJson;
import dev.baton.assist.ledger.BeforeAfter;
import dev.baton.assist.ledger.LedgerRow;
import dev.baton.insight.debt.ModelHistory;
import dev.baton.model.Intake;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code baton assist ledger --log L [--format text|json]}: whether each assistant is leverage or overhead. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "The leverage ledger per work type and assistant: drafts offered, taken unchanged, taken after "
                + "edits (how much edited), discarded, time to decision, and whether the assistant is leverage or "
                + "overhead there.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ledger written", "1:invalid log", "2:usage error"})
final class AssistLedgerCommand implements Callable<Integer> {

    enum Format { text, json }

    @Mixin
    LogOptions logOptions = new LogOptions();

    @Option(names = "--model", paramLabel = "MODEL.yaml", description = "The operating model: adds each work type's "
            + "coordination share and hours lost before and after its assistant came (the debt report of each side), "
            + "and reads a log that is not Baton's own.")
    Path model;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ValidationReport validation;
        if (model != null) {
            validation = ValidModel.read(model, err);
            if (validation == null) {
                return Baton.INVALID;
            }
        } else {
            validation = new ValidationReport("", EMPTY, List.of());
        }
        AssistLog.Read read = AssistLog.read(logOptions, validation, new WorkHistory(), false, true, err);
        if (read == null) {
            return Baton.INVALID;
        }
        List<LedgerRow> rows = Assist.ledger(read.events());
        // The before and after needs the debt report, which needs the model.
        List<BeforeAfter.Row> beforeAfter = model == null ? null : BeforeAfter.of(ModelHistory.of(validation.model()),
                validation.warnings(), logOptions.log.getFileName().toString(), sink -> read.events().forEach(sink));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Json.write(AssistJson.ledger(logOptions.log.getFileName().toString(), rows, beforeAfter)));
            return Baton.OK;
        }
        if (rows.isEmpty()) {
            out.println("No assistant has offered a draft in " + logOptions.log.getFileName() + " yet.");
            return Baton.OK;
        }
        for (LedgerRow r : rows) {
            out.printf(Locale.ROOT, "%s / %s: %d offered, %d taken unchanged, %d taken after edits, %d discarded, %d pending%n",
                    r.workType() == null ? "intake" : r.workType(), r.assistant(), r.offered(), r.acceptedUnchanged(),
                    r.acceptedAfterEdits(), r.discarded(), r.pending());
            out.println("  " + r.verdict() + " (" + r.reason() + ")");
            if (beforeAfter != null) {
                beforeAfter.stream().filter(b -> java.util.Objects.equals(b.workType(), r.workType())
                        && b.assistant().equals(r.assistant())).findFirst().ifPresent(b -> out.println("  " + b.summary()));
            }
            if (r.overridden() > 0 || !r.enabled().isEmpty()) {
                out.println("  " + r.overridden() + " draft(s) offered under an override; enabled: "
                        + String.join("; ", r.enabled().stream().map(e -> e.by() + " on " + e.at().substring(0, 10)
                        + ": " + e.reason()).toList()));
            }
        }
        if (beforeAfter == null) {
            out.println("With --model: each work type's coordination share and hours lost before and after its assistant came.");
        }
        return Baton.OK;
    }

    /** A model with nothing in it: a JSONL log needs none to be read. */
    private static final OperatingModel EMPTY = new OperatingModel(OperatingModel.API_VERSION, "", "", List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Intake.NONE, null);
}
