package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.assist.Assist;
import dev.baton.assist.Assistant;
import dev.baton.assist.draft.Basis;
import dev.baton.assist.draft.BriefDraft;
import dev.baton.assist.draft.DraftField;
import dev.baton.assist.embed.EmbeddingUnavailableException;
import dev.baton.assist.embed.MiniLm;
import dev.baton.assist.gate.AssistGate;
import dev.baton.assist.gate.Gate;
import dev.baton.assist.history.WorkHistory;
import dev.baton.assist.json.AssistJson;
import dev.baton.assist.provider.Provider;
import dev.baton.assist.provider.ProviderException;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton assist draft --model M --log L --work-type T --request TEXT [--override REASON]
 * [--format text|json]}: a brief's first draft for a request, where the work type is ready for AI
 * (docs/assist.md).
 */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = "A first draft of a work type's brief from a request: the values the request states, the rest "
                + "from the most similar past brief (marked), missing required fields listed. Only where the work type "
                + "is ready for AI (baton analyze, AI readiness), unless --override gives a reason.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:draft written", "1:not ready (each failing condition named), unknown work type, invalid model "
                + "or log, the model server failed", "2:usage error"})
final class AssistDraftCommand implements Callable<Integer> {

    @Mixin
    AssistOptions options = new AssistOptions();

    @Mixin
    LogOptions logOptions = new LogOptions();

    @Option(names = "--work-type", required = true, paramLabel = "TYPE", description = "The work type whose brief to draft.")
    String workType;

    @Option(names = "--request", required = true, paramLabel = "TEXT", description = "The request, as the requester wrote it.")
    String request;

    @Mixin
    AiOptions ai = new AiOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (request.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected a request text, found an empty --request");
        }
        if (options.override != null && options.override.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected a reason with --override, found none");
        }
        Clock clock = Clock.systemUTC();
        Provider provider = ai.provider(spec.commandLine(), clock);
        ValidationReport validation = options.model(err);
        if (validation == null) {
            return Baton.INVALID;
        }
        OperatingModel operatingModel = validation.model();
        WorkType type = operatingModel.workType(workType).orElse(null);
        if (type == null) {
            err.println("baton assist draft: unknown work type '" + workType + "'; the model's work types are "
                    + String.join(", ", operatingModel.workTypes().stream().map(WorkType::id).toList()));
            return Baton.INVALID;
        }
        AssistLog.Read read = AssistLog.read(logOptions, validation, new WorkHistory(), true, false, err);
        if (read == null) {
            return Baton.INVALID;
        }
        Gate gate = AssistGate.forWorkType(Assistant.BRIEF_DRAFT, read.report(), workType, options.override);
        if (!AssistOptions.allowed(gate, "draft", "work type '" + workType + "' is", err)) {
            return Baton.INVALID;
        }
        BriefDraft draft;
        try {
            draft = Assist.draftBrief(operatingModel, type, request, read.work().comparable(), MiniLm.instance(), provider,
                    LocalDate.now(clock.withZone(ZoneOffset.UTC)), ai.who);
        } catch (ProviderException e) {
            err.println("baton assist draft: " + e.getMessage());
            return Baton.INVALID;
        } catch (EmbeddingUnavailableException e) {
            err.println("baton assist draft: " + e.getMessage());
            return Baton.INVALID;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            out.println(Json.write(AssistJson.draft(gate, provider.id(), draft)));
        } else {
            text(gate, provider, draft, out);
        }
        return Baton.OK;
    }

    private static void text(Gate gate, Provider provider, BriefDraft draft, PrintWriter out) {
        out.println("Draft " + (draft.template() == null ? "(no template)" : draft.template()) + " for work type "
                + draft.workType() + " (" + provider.id() + "); a proposal: take it, edit it or discard it.");
        if (gate.overridden()) {
            out.println("Not ready for AI, drafted under an override: " + gate.override());
        }
        int width = draft.fields().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, DraftField> f : draft.fields().entrySet()) {
            Object v = f.getValue().value();
            String value = v instanceof java.util.List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList())
                    : v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(v);
            out.printf("  %-" + width + "s  %s   [%s]%n", f.getKey(), value, f.getValue().source());
        }
        if (!draft.missing().isEmpty()) {
            out.println("Missing (required, not stated; fill them in): " + String.join(", ", draft.missing()));
        }
        out.println("Based on:");
        for (Basis b : draft.basis()) {
            out.println("  " + b.source() + ": " + b.text() + (b.fields().isEmpty() ? "" : " → " + String.join(", ", b.fields())));
        }
    }
}
