package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.insight.conformance.Conformance;
import dev.baton.insight.conformance.ConformanceException;
import dev.baton.insight.conformance.ConformanceJson;
import dev.baton.insight.conformance.ConformanceResult;
import dev.baton.insight.conformance.Deviation;
import dev.baton.insight.conformance.NetFile;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.LogFormatException;
import dev.baton.insight.pnml.PnmlException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton conformance --net NET.pnml|MODEL.yaml [--work-type ID] --log LOG
 * [--method token-replay|alignments] [--format text|json]}: how well the actual flow fits the declared one.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Check an event log against a flow: a Petri net (PNML) or a work type's declared stages "
                + "(operating model YAML). Figures under pm4py's names, plus the deviations.")
final class ConformanceCommand implements Callable<Integer> {

    enum Format { text, json }

    enum Method {
        TOKEN_REPLAY("token-replay", Conformance.Method.TOKEN_REPLAY), ALIGNMENTS("alignments", Conformance.Method.ALIGNMENTS);

        final String id;
        final Conformance.Method method;

        Method(String id, Conformance.Method method) {
            this.id = id;
            this.method = method;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    @Option(names = "--net", required = true, paramLabel = "NET.pnml|MODEL.yaml",
            description = "The flow to check against: a PNML Petri net, or an operating model whose work type's stages are compiled into one.")
    Path net;

    @Option(names = "--work-type", paramLabel = "ID",
            description = "With a model: the work type (needed when it has several); only the log's cases of that work type are checked when the log says.")
    String workType;

    @Mixin
    LogOptions logOptions = new LogOptions();

    @Option(names = "--method", defaultValue = "alignments", paramLabel = "METHOD",
            converter = MethodConverter.class,
            description = "token-replay or alignments (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N",
            description = "Text output: show the N most frequent deviations (default: ${DEFAULT-VALUE}).")
    int top;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class MethodConverter implements CommandLine.ITypeConverter<Method> {
        @Override
        public Method convert(String value) {
            Conformance.Method method = Conformance.Method.of(value).orElseThrow(() ->
                    new CommandLine.TypeConversionException("expected token-replay or alignments, found '" + value + "'"));
            return method == Conformance.Method.TOKEN_REPLAY ? Method.TOKEN_REPLAY : Method.ALIGNMENTS;
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            NetFile flow = NetFile.read(net, workType);
            EventLog log = flow.casesOf(logOptions.read());
            ConformanceResult result = Conformance.check(flow.net(), log, method.method);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.println(Json.write(ConformanceJson.result(result)));
            } else {
                text(result, out);
            }
            return Baton.OK;
        } catch (LogFormatException | PnmlException | NetFile.Refused e) {
            err.println(e.getMessage());
            return Baton.INVALID;
        } catch (ConformanceException e) {
            err.println("baton conformance: " + e.getMessage());
            return Baton.INVALID;
        }
    }

    private void text(ConformanceResult r, PrintWriter out) {
        out.printf("%s of %s against '%s': %d cases, %d variants%n", r.method(), r.log(), r.net(), r.cases(),
                r.variants().size());
        out.printf(Locale.ROOT, "  logFitness               %.6f%n", r.logFitness());
        out.printf(Locale.ROOT, "  averageTraceFitness      %.6f%n", r.averageTraceFitness());
        out.printf(Locale.ROOT, "  percentageFittingTraces  %.2f%%%n", r.percentageFittingTraces());
        out.println();
        if (r.deviations().isEmpty()) {
            out.println("No deviations: every case followed the flow.");
            return;
        }
        out.println("Deviations (most cases first):");
        r.deviations().stream().limit(Math.max(0, top)).map(Deviation::explanation).forEach(d -> out.println("  " + d));
        if (r.deviations().size() > top) {
            out.printf("  … %d more (--top N or --format json for all)%n", r.deviations().size() - top);
        }
    }
}
