package dev.baton.scale.discovery;

import dev.baton.insight.discovery.DirectlyFollowsSummary;
import dev.baton.insight.discovery.ProcessMap;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.JsonlReader;
import dev.baton.insight.log.LogFormatException;
import dev.baton.scale.Part;
import dev.baton.scale.ScaleProblem;
import dev.baton.scale.log.ScaleLog;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;

/**
 * {@code baton discover} as a Spark job: each partition's cases are read by the single-machine
 * JSONL reader and summarised ({@link DirectlyFollowsSummary}) in the executors; the driver merges
 * the summaries in log order, which gives the process map one pass over the whole log gives.
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
        Set<String> retracted = log.retracted();
        List<Part<DirectlyFollowsSummary>> parts = log.cases(partitions)
                .mapPartitions(cases -> List.of(summarise(name, retracted, ScaleLog.text(cases))).iterator())
                .collect();
        DirectlyFollowsSummary all = new DirectlyFollowsSummary();
        for (Part<DirectlyFollowsSummary> part : parts) {
            all.merge(part.orThrow());
        }
        ProcessMap map = all.toProcessMap();
        if (map.events() == 0) {
            throw new ScaleProblem(new LogFormatException(name, 0, 0,
                    "expected ItemCreated or StageEntered events, found none").getMessage());
        }
        return map;
    }

    private static Part<DirectlyFollowsSummary> summarise(String name, Set<String> retracted, byte[] text) {
        try {
            EventLog part = JsonlReader.readPart(name, new ByteArrayInputStream(text), retracted);
            return Part.of(DirectlyFollowsSummary.of(part));
        } catch (LogFormatException e) {
            return Part.failed(ScaleLog.problem(e, text));
        }
    }
}
