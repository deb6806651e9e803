package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.model.compare.LineDiff;
import dev.baton.model.compare.ModelChange;
import dev.baton.model.compare.ModelComparison;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code baton model diff OLD NEW}: what changed between two versions of a model file, in
 * sentences ("Campaign › qa: SLA tightened from 1d to 4h"), for the review of a change kept in git.
 * The same comparison as the web app's Compare versions page.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "What changed between two versions of an operating model: stages, owners, SLAs, gates, "
                + "decision rights, handoffs, templates, people and intake, in sentences (text) or as JSON.")
final class DiffCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier model file (YAML).")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later model file (YAML).")
    Path after;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--yaml", description = "Also show the YAML lines that changed, with 3 lines of context.")
    boolean yaml;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ValidationReport old = ValidModel.read(before, err);
        ValidationReport now = ValidModel.read(after, err);
        if (old == null || now == null) {
            return Baton.INVALID;
        }
        List<ModelChange> changes = ModelComparison.compare(old.model(), now.model());
        List<LineDiff.Hunk> hunks = yaml ? LineDiff.hunks(LineDiff.of(read(before), read(after)), 3) : List.of();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Json.write(Json.ordered("before", before.toString(), "after", after.toString(),
                    "changes", changes.stream().map(c -> Json.ordered("area", c.area(), "kind", c.kind().id(),
                            "workType", c.workType(), "path", c.path(), "before", c.before(), "after", c.after(),
                            "sentence", c.sentence())).toList())));
            return Baton.OK;
        }
        out.println(changes.isEmpty() ? "No change to the model from " + before + " to " + after
                + " (comments and formatting aside)." : changes.size() + (changes.size() == 1 ? " change" : " changes")
                + " from " + before + " to " + after + ":");
        String workType = "";
        for (ModelChange c : changes) {
            String group = c.workType() == null ? "" : c.workType();
            if (!Objects.equals(group, workType)) {
                out.println();
                out.println(group.isEmpty() ? "Across the model" : "Work type " + group);
                workType = group;
            }
            out.println("  " + c.sentence());
        }
        if (!hunks.isEmpty()) {
            out.println();
            out.println("--- " + before);
            out.println("+++ " + after);
            for (LineDiff.Hunk h : hunks) {
                if (h.gap()) {
                    out.println("…");
                }
                h.lines().forEach(l -> out.println(l.marker() + " " + l.text()));
            }
        }
        return Baton.OK;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
