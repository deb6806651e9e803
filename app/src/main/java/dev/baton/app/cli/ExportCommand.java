package dev.baton.app.cli;

import dev.baton.engine.io.InputRefusedException;
import dev.baton.engine.jsonl.EventLogFormatException;
import dev.baton.exchange.export.LogExport;
import dev.baton.exchange.io.SpillSort;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code baton export --log LOG --to xes|ocel|csv --out FILE}: the event log for process-mining tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write Baton's event log as XES (pm4py, ProM), OCEL 2.0 JSON (work items, people and "
                + "functions as objects) or CSV. 'baton import' reads each of them back into the same events.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:the log or model is invalid", "2:usage error"})
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--log", required = true, paramLabel = "LOG.jsonl", description = "Baton's JSONL event log.")
    Path log;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "xes, ocel or csv.")
    String to;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (.gz compresses).")
    Path out;

    @Option(names = "--model", paramLabel = "MODEL.yaml",
            description = "Adds each actor's function: org:group (XES), group (CSV), person works in function (OCEL).")
    Path modelFile;

    @Option(names = "--stages-only", description = "Only the events that move items through stages "
            + "(ItemCreated, StageEntered): the activities of the flow.")
    boolean stagesOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LogExport.Format format;
        try {
            format = LogExport.Format.valueOf(to.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected --to xes, ocel or csv, found '" + to + "'");
        }
        if (!Files.isRegularFile(log)) {
            err.println("baton: " + log + ": expected a JSONL event log, found " + (Files.exists(log) ? "a directory" : "no such file"));
            return Baton.INVALID;
        }
        Function<String, String> functionOf = null;
        if (modelFile != null) {
            OperatingModel model = ModelFiles.validOrNull(modelFile, err);
            if (model == null) {
                return Baton.INVALID;
            }
            functionOf = person -> model.people().stream().filter(p -> Objects.equals(p.id(), person))
                    .map(Person::functionId).findFirst().orElse(null);
        }
        try {
            LogExport.Result result = LogExport.run(log, format, out, stagesOnly, functionOf,
                    TerminalProgress.on(err, "exporting " + log.getFileName()), SpillSort.DEFAULT_MEMORY);
            stdout.println("Wrote " + result.events() + " events of " + result.items() + " items"
                    + (result.requests() > 0 ? " and " + result.requests() + " intake requests" : "") + " to " + out
                    + " (" + format.id() + ").");
            return Baton.OK;
        } catch (EventLogFormatException e) {
            err.println("baton: " + log + ": " + e.getMessage());
            err.println("baton: nothing was written");
            return Baton.INVALID;
        } catch (NoSuchFileException e) {
            err.println("baton: " + e.getFile() + ": no such file or directory");
            return Baton.INVALID;
        } catch (InputRefusedException e) {
            err.println("baton: " + log + ": " + e.getMessage() + "; nothing was written");
            return Baton.INVALID;
        } catch (IOException e) {
            err.println("baton: " + out + ": " + e.getMessage());
            return Baton.INVALID;
        }
    }
}
