package dev.baton.insight.conformance;

import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.JsonlReader;
import dev.baton.insight.pnml.Pnml;
import dev.baton.model.flow.FlowNet;
import dev.baton.model.flow.FlowNets;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The flow a log is checked against, as {@code baton conformance --net FILE [--work-type ID]} reads
 * it (and the scale module's Spark job, in its driver): a PNML Petri net, or an operating model
 * whose work type's stages compile into a net. Against a model's work type only the log's cases
 * of that work type are checked, when the log records work types ({@link #checks}).
 *
 * @param net      the net
 * @param workType the work type whose cases are checked, or null for every case (a PNML net, or a
 *                 model's only work type chosen without {@code --work-type})
 */
public record NetFile(FlowNet net, String workType) {

    /** A net file that cannot be used; the message says what and where (several lines for an invalid model). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads {@code file}: PNML when named {@code .pnml} (or starting with {@code <}), else an
     * operating model, of which {@code workType} picks the work type (needed when it has several;
     * ignored for PNML, as the CLI always did).
     *
     * @throws dev.baton.insight.pnml.PnmlException when the PNML is malformed, saying where
     * @throws Refused when the model is invalid or the work type missing or unknown
     */
    public static NetFile read(Path file, String workType) {
        if (!isModel(file)) {
            return new NetFile(Pnml.read(file), null);
        }
        ValidationReport report = ModelValidation.validate(file);
        if (!report.valid()) {
            throw new Refused(String.join("\n", report.refusal()));
        }
        Map<String, FlowNet> nets = FlowNets.compileAll(report.model());
        if (workType == null) {
            if (nets.size() == 1) {
                return new NetFile(nets.values().iterator().next(), null);
            }
            throw new Refused(report.file() + ": expected --work-type with one of " + String.join(", ", nets.keySet())
                    + ", found none");
        }
        FlowNet flow = nets.get(workType);
        if (flow == null) {
            throw new Refused(report.file() + ": expected --work-type to be one of " + String.join(", ", nets.keySet())
                    + ", found '" + workType + "'");
        }
        return new NetFile(flow, workType);
    }

    private static boolean isModel(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pnml")) {
            return false;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        }
        try {
            return !Files.readString(file).stripLeading().startsWith("<");
        } catch (IOException e) {
            return false;
        }
    }

    /** The cases of {@code log} that are checked: all, or those of the work type when the log records work types. */
    public IntPredicate checks(EventLog log) {
        if (workType == null) {
            return c -> true;
        }
        boolean recorded = false;
        for (int c = 0; c < log.caseCount() && !recorded; c++) {
            recorded = workTypeOf(log, c).isPresent();
        }
        return recorded ? c -> workTypeOf(log, c).filter(workType::equals).isPresent() : c -> true;
    }

    /** The cases of {@code log} that are checked ({@link #checks}), as a log. */
    public EventLog casesOf(EventLog log) {
        return workType == null ? log : log.select(checks(log));
    }

    /** The work type a case records: its {@code work_type} attribute, or its first event's. */
    public static Optional<String> workTypeOf(EventLog log, int c) {
        Optional<String> declared = log.caseAttribute(c, JsonlReader.WORK_TYPE);
        return declared.isPresent() ? declared : log.eventAttribute(log.caseStart(c), JsonlReader.WORK_TYPE);
    }
}
