package dev.baton.scale.discovery;

import dev.baton.insight.discovery.DirectlyFollowsSummary;
import dev.baton.insight.discovery.ProcessMap;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.JsonlReader;
import dev.baton.insight.log.LogFormatException;
import dev.baton.scale.Part;
import dev.baton.scale.ScaleProblem;
import dev.baton.scale.log.ScaleLog;
import dev.baton.scale.log.LogCase;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code baton discover} as a Spark job: each partition's cases are read by the single-machine
 * JSONL reader and summarised ({@link DirectlyFollowsSummary}, each case placed by its first
 * event's position) in the executors; the driver merges the summaries as their tasks finish, in
 * any order, which gives the process map one pass over the whole log gives, examples included.
 */
public final class ScaleDiscovery {

    private ScaleDiscovery() {
    }

    /**
     * The process map of {@code log}.
     *
     * @throws ScaleProblem when a line is malformed or the log has no stage events
     */
    public static ProcessMap processMap(ScaleLog log, int partitions) {
        String name = log.name();
        DirectlyFollowsSummary all = log.activityCases(partitions)
                .mapPartitions(cases -> List.of(summarise(name, ScaleLog.Partition.of(cases))).iterator())
                .reduce((a, b) -> Part.merge(a, b, DirectlyFollowsSummary::merge)).orThrow();
        ProcessMap map = all.toProcessMap();
        if (map.events() == 0) {
            throw new ScaleProblem(new LogFormatException(name, 0, 0,
                    "expected ItemCreated or StageEntered events, found none").getMessage());
        }
        return map;
    }

    /** One partition's cases read by the single-machine reader; each case's place in the log is its first position. */
    private static Part<DirectlyFollowsSummary> summarise(String name, ScaleLog.Partition partition) {
        Map<String, Long> first = new HashMap<>();
        Iterator<LogCase> placed = ScaleLog.peek(partition.cases(), c -> first.put(c.stream(), c.first()));
        try {
            EventLog part = JsonlReader.readPart(name, ScaleLog.text(placed), partition.retracted());
            return Part.of(DirectlyFollowsSummary.of(part, first::get));
        } catch (LogFormatException e) {
            return Part.failed(ScaleLog.problem(e));
        }
    }
}
