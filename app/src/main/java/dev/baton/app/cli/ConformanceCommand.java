package dev.baton.app.cli;

import dev.baton.app.json.ConformanceJson;
import dev.baton.app.json.Json;
import dev.baton.insight.conformance.Conformance;
import dev.baton.insight.conformance.ConformanceException;
import dev.baton.insight.conformance.ConformanceResult;
import dev.baton.insight.conformance.Deviation;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.LogFormatException;
import dev.baton.insight.pnml.Pnml;
import dev.baton.insight.pnml.PnmlException;
import dev.baton.model.flow.FlowNet;
import dev.baton.model.flow.FlowNets;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
            for (Method m : Method.values()) {
                if (m.id.equalsIgnoreCase(value) || m.name().equalsIgnoreCase(value)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("expected token-replay or alignments, found '" + value + "'");
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            FlowNet flow = flow();
            if (flow == null) {
                return Baton.INVALID;
            }
            EventLog log = logOptions.read();
            if (workType != null && isModel()) {
                log = casesOf(log, workType);
            }
            ConformanceResult result = Conformance.check(flow, log, method.method);
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.println(Json.write(ConformanceJson.result(result)));
            } else {
                text(result, out);
            }
            return Baton.OK;
        } catch (LogFormatException | PnmlException e) {
            err.println(e.getMessage());
            return Baton.INVALID;
        } catch (ConformanceException e) {
            err.println("baton conformance: " + e.getMessage());
            return Baton.INVALID;
        }
    }

    private boolean isModel() {
        String name = net.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pnml")) {
            return false;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        }
        try {
            return !Files.readString(net).stripLeading().startsWith("<");
        } catch (IOException e) {
            return false;
        }
    }

    /** The net to check against, or null after saying why there is none. */
    private FlowNet flow() {
        if (!isModel()) {
            return Pnml.read(net);
        }
        PrintWriter err = spec.commandLine().getErr();
        ValidationReport report = ModelValidation.validate(net);
        if (!report.valid()) {
            report.errors().forEach(p -> err.println(p.format(report.file())));
            err.println(report.file() + ": invalid, fix the errors above first (baton model validate " + report.file() + ")");
            return null;
        }
        Map<String, FlowNet> nets = FlowNets.compileAll(report.model());
        if (workType == null) {
            if (nets.size() == 1) {
                return nets.values().iterator().next();
            }
            err.println(report.file() + ": expected --work-type with one of " + String.join(", ", nets.keySet())
                    + ", found none");
            return null;
        }
        FlowNet flow = nets.get(workType);
        if (flow == null) {
            err.println(report.file() + ": expected --work-type to be one of " + String.join(", ", nets.keySet())
                    + ", found '" + workType + "'");
        }
        return flow;
    }

    /** The cases of one work type, when the log records work types (Baton JSONL, CSV work_type); else all. */
    private static EventLog casesOf(EventLog log, String workType) {
        boolean recorded = false;
        for (int c = 0; c < log.caseCount() && !recorded; c++) {
            recorded = workTypeOf(log, c).isPresent();
        }
        return recorded ? log.select(c -> workTypeOf(log, c).filter(workType::equals).isPresent()) : log;
    }

    private static Optional<String> workTypeOf(EventLog log, int c) {
        Optional<String> declared = log.caseAttribute(c, "work_type");
        return declared.isPresent() ? declared : log.eventAttribute(log.caseStart(c), "work_type");
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
