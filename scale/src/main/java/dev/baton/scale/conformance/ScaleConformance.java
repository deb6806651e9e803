package dev.baton.scale.conformance;

import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.jsonl.EventCodec;
import dev.baton.insight.conformance.Conformance;
import dev.baton.insight.conformance.ConformanceException;
import dev.baton.insight.conformance.ConformanceResult;
import dev.baton.insight.conformance.NetFile;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.JsonlReader;
import dev.baton.insight.log.LogFormatException;
import dev.baton.scale.Part;
import dev.baton.scale.ScaleProblem;
import dev.baton.scale.log.LogCase;
import dev.baton.scale.log.ScaleLog;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * {@code baton conformance} as a Spark job: each partition's cases are read by the single-machine
 * JSONL reader and folded into their distinct variants ({@link TraceCounts}: work type and
 * activities, with the number of cases and the position of the first), in the executors; the
 * driver merges them as their tasks finish, keeps the cases {@code --work-type} selects as the CLI
 * does ({@link NetFile#checks}), and runs the single-machine replay or alignments once per
 * distinct variant, weighted by its cases ({@link Conformance#check(dev.baton.model.flow.FlowNet,
 * EventLog, int[], Conformance.Method)}): the result of the whole log, without a case id in the driver.
 */
public final class ScaleConformance {

    private ScaleConformance() {
    }

    /**
     * The conformance of {@code log} to {@code net} by {@code method}.
     *
     * @throws ScaleProblem when a line is malformed, the log has no stage events, or the net cannot be aligned
     */
    public static ConformanceResult check(ScaleLog log, NetFile net, Conformance.Method method, int partitions) {
        String name = log.name();
        TraceCounts all = log.activityCases(partitions)
                .mapPartitions(cases -> List.of(count(name, ScaleLog.Partition.of(cases))).iterator())
                .reduce((a, b) -> Part.merge(a, b, TraceCounts::merge)).orThrow();
        if (all.isEmpty()) {
            throw new ScaleProblem(new LogFormatException(name, 0, 0,
                    "expected ItemCreated or StageEntered events, found none").getMessage());
        }
        TraceCounts.Traces traces = all.traces(name);
        IntPredicate keep = net.checks(traces.log());
        EventLog checked = traces.log().select(keep);
        int[] cases = IntStream.range(0, traces.log().caseCount()).filter(keep).map(c -> traces.cases()[c]).toArray();
        try {
            return Conformance.check(net.net(), checked, cases, method);
        } catch (ConformanceException e) {
            throw new ScaleProblem("baton conformance: " + e.getMessage());
        }
    }

    /** One partition's cases read by the single-machine reader, each placed where its first stage event is in the log. */
    private static Part<TraceCounts> count(String name, ScaleLog.Partition partition) {
        Map<String, Long> first = new HashMap<>();
        EventCodec codec = new EventCodec();
        Iterator<LogCase> placed = ScaleLog.peek(partition.cases(),
                c -> first.put(c.stream(), firstActivity(c, partition.retracted(), codec)));
        try {
            EventLog part = JsonlReader.readPart(name, ScaleLog.text(placed), partition.retracted());
            return Part.of(TraceCounts.of(part, first::get));
        } catch (LogFormatException e) {
            return Part.failed(ScaleLog.problem(e));
        }
    }

    /**
     * The position of a case's first activity, the event that places the case in the single
     * machine's log (a stream's first lines may be other events, or of a retracted batch); the
     * position of its first line when none decodes (the reader says what is wrong with it).
     */
    private static long firstActivity(LogCase c, Set<String> retracted, EventCodec codec) {
        long[] found = {-1};
        var standing = ImportBatches.standing(retracted, e -> {
            if (found[0] < 0 && JsonlReader.activity(e) != null) {
                found[0] = e.position();
            }
        });
        for (byte[] line : c.lines()) {
            try {
                standing.accept(codec.decode(new String(line, StandardCharsets.UTF_8)));
            } catch (RuntimeException malformed) {
                return c.first();
            }
            if (found[0] >= 0) {
                return found[0];
            }
        }
        return c.first();
    }
}
