package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.assist.Assist;
import dev.baton.assist.Assistant;
import dev.baton.assist.embed.EmbeddingUnavailableException;
import dev.baton.assist.embed.MiniLm;
import dev.baton.assist.gate.AssistGate;
import dev.baton.assist.gate.Gate;
import dev.baton.assist.history.PastWork;
import dev.baton.assist.history.WorkHistory;
import dev.baton.assist.json.AssistJson;
import dev.baton.assist.routing.RoutingSuggestion;
import dev.baton.assist.similar.Match;
import dev.baton.assist.similar.SimilarWork;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton assist similar --model M --log L --request TEXT [--top 5] [--format text|json]}:
 * past requests and items like a new one (duplicates, near-duplicates), and where it should go.
 */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = "Past requests and items most like a new request, by meaning (MiniLM embeddings, offline), and a "
                + "routing suggestion: work type by the nearest past items, owner by function and current load. Only "
                + "where the intake is ready for AI, unless --override gives a reason.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:matches written", "1:intake not ready, invalid model or log", "2:usage error"})
final class AssistSimilarCommand implements Callable<Integer> {

    @Mixin
    AssistOptions options = new AssistOptions();

    @Mixin
    LogOptions logOptions = new LogOptions();

    @Option(names = "--request", required = true, paramLabel = "TEXT", description = "The new request.")
    String request;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "How many matches (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--max-index", defaultValue = "5000", paramLabel = "N", description = "Compare with the N most recently "
            + "active past requests and items (embedding takes about 5 ms each; default: ${DEFAULT-VALUE}).")
    int maxIndex;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (top < 1 || maxIndex < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected --top and --max-index of 1 or more");
        }
        if (request.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected a request text, found an empty --request");
        }
        ValidationReport validation = options.model(err);
        if (validation == null) {
            return Baton.INVALID;
        }
        Gate gate = AssistGate.forIntake(Assistant.SIMILAR_REQUESTS, validation.model(), options.override);
        if (!AssistOptions.allowed(gate, "similar", "the intake is", err)) {
            return Baton.INVALID;
        }
        AssistLog.Read read = AssistLog.read(logOptions, validation, new WorkHistory(), false, false, err);
        if (read == null) {
            return Baton.INVALID;
        }
        List<PastWork> past = read.work().comparable();
        List<Match> matches;
        RoutingSuggestion routing;
        try {
            SimilarWork index = SimilarWork.index(Assist.recent(past, maxIndex), MiniLm.instance());
            matches = Assist.similar(index, request, top);
            routing = Assist.route(validation.model(), index, request, past);
        } catch (EmbeddingUnavailableException e) {
            err.println("baton assist similar: " + e.getMessage());
            return Baton.INVALID;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (options.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("query", request);
            json.put("compared", Math.min(past.size(), maxIndex));
            json.put("override", gate.override());
            json.put("matches", AssistJson.matches(matches));
            json.put("routing", AssistJson.routing(routing));
            out.println(Json.write(json));
            return Baton.OK;
        }
        out.printf("%d past request(s) and item(s) compared; most similar first:%n", Math.min(past.size(), maxIndex));
        for (Match m : matches) {
            out.printf(Locale.ROOT, "  %.2f  %-8s %-10s %s (%s, %s)%n", m.similarity(), m.work().kind().id(), m.work().id(),
                    m.work().title(), m.work().workType(), m.work().state());
        }
        out.println("Routing: " + (routing.workType() == null ? "no suggestion" : routing.workType()
                + (routing.owner() == null ? "" : ", owner " + routing.owner())));
        routing.reasons().forEach(r -> out.println("  " + r));
        return Baton.OK;
    }
}
