package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.assist.Assist;
import dev.baton.assist.Assistant;
import dev.baton.assist.gate.AssistGate;
import dev.baton.assist.gate.Gate;
import dev.baton.assist.history.PastWork;
import dev.baton.assist.history.WorkHistory;
import dev.baton.assist.json.AssistJson;
import dev.baton.assist.summary.Fact;
import dev.baton.assist.summary.ItemSummary;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code baton assist summary --model M --log L --item ID [--format text|json]}: an item's history in a few facts. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "An item's history for a newcomer or an approver: what it is, where it is, what is waiting on "
                + "whom, rework and the latest comments; each sentence names its events. Only where the item's work "
                + "type is ready for AI, unless --override gives a reason.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:summary written", "1:unknown item, not ready, invalid model or log", "2:usage error"})
final class AssistSummaryCommand implements Callable<Integer> {

    @Mixin
    AssistOptions options = new AssistOptions();

    @Mixin
    LogOptions logOptions = new LogOptions();

    @Option(names = "--item", required = true, paramLabel = "ID", description = "The work item.")
    String item;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ValidationReport validation = options.model(err);
        if (validation == null) {
            return Baton.INVALID;
        }
        WorkHistory work = new WorkHistory().keepingEventsOf(item);
        AssistLog.Read read = AssistLog.read(logOptions, validation, work, true, false, err);
        if (read == null) {
            return Baton.INVALID;
        }
        PastWork found = work.item(item).orElse(null);
        if (found == null) {
            err.println(logOptions.log + ": error: expected work item '" + item + "', found no event of it");
            return Baton.INVALID;
        }
        if (found.workType() != null && validation.model().workType(found.workType()).isPresent()) {
            Gate gate = AssistGate.forWorkType(Assistant.ITEM_SUMMARY, read.report(), found.workType(), options.override);
            if (!AssistOptions.allowed(gate, "summary", "work type '" + found.workType() + "' is", err)) {
                return Baton.INVALID;
            }
        }
        List<RecordedEvent> events = work.events(item);
        Instant end = read.work().items().stream().map(PastWork::last).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(Instant.now());
        ItemSummary summary = Assist.summarize(validation.model(), item, events, end);
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            out.println(Json.write(AssistJson.summary(summary)));
        } else {
            out.println(item + (summary.title() == null ? "" : ": " + summary.title()));
            for (Fact f : summary.facts()) {
                out.println("  " + f.text() + "  [" + String.join(", ", f.events()) + "]");
            }
        }
        return Baton.OK;
    }
}
