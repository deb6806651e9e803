package dev.baton.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.batch.BatchEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.insight.debt.DebtReportJson;
import dev.baton.insight.discovery.Discovery;
import dev.baton.insight.discovery.DiscoveryJson;
import dev.baton.insight.log.EventLogs;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.Simulator;
import dev.baton.scale.debt.ScaleDebt;
import dev.baton.scale.discovery.ScaleDiscovery;
import dev.baton.scale.log.ScaleLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log with a retracted import batch, a standing one, and streams whose hashes collide ("Aa" and
 * "BB" share Java's string hash): the Spark jobs leave the retracted batch out and keep colliding
 * streams apart, as the single machine does, whichever partition a case lands in.
 */
class RetractedBatchesOnSparkTest {

    @TempDir
    static Path dir;
    static Path log;
    static SparkSession spark;
    /** The cases of the same log without the retraction. */
    static int unretracted;

    @BeforeAll
    static void simulate() throws IOException {
        spark = LocalSpark.get();
        log = dir.resolve("batches.jsonl");
        var model = AnalyzeOnSparkTest.validation == null
                ? dev.baton.model.validation.ModelValidation.validate(AnalyzeOnSparkTest.MODEL).model()
                : AnalyzeOnSparkTest.validation.model();
        List<RecordedEvent> simulated = new ArrayList<>();
        Simulator.run(model, new SimulationSettings(120, 5, SimulationSettings.DEFAULT_START, 8, DebtRates.DEFAULT),
                simulated::add);
        Set<String> all = new LinkedHashSet<>();
        simulated.forEach(e -> all.add(e.stream()));
        List<String> names = new ArrayList<>(all);
        // Four streams renamed to colliding names; the first 20 streams imported as batch r (retracted), the next 20 as s.
        Map<String, String> renamed = Map.of(names.get(40), "Aa", names.get(41), "BB", names.get(42), "AaAa",
                names.get(43), "BBBB");
        Set<String> inR = Set.copyOf(names.subList(0, 20));
        Set<String> inS = Set.copyOf(names.subList(20, 40));
        List<RecordedEvent> events = new ArrayList<>();
        long position = 0;
        for (RecordedEvent e : simulated) {
            String batch = inR.contains(e.stream()) ? "r" : inS.contains(e.stream()) ? "s" : null;
            events.add(new RecordedEvent(++position, renamed.getOrDefault(e.stream(), e.stream()), e.version(), e.at(),
                    e.actor(), e.workType(), e.modelVersion(), e.commandId(), e.event(),
                    batch == null ? e.eventId() : batch + "-" + position, batch));
        }
        var last = simulated.get(simulated.size() - 1);
        for (String batch : List.of("r", "s")) {
            events.add(new RecordedEvent(++position, BatchEvent.stream(batch), 1, last.at(), "importer", null, 1, null,
                    new BatchEvent.BatchImported(batch, "csv", batch + ".csv", 10, 20, 20, null, null,
                            last.at().toString(), last.at().toString()), null, null));
        }
        Path standing = dir.resolve("standing.jsonl");
        EventLogJsonl.write(standing, events);
        unretracted = Discovery.processMap(EventLogs.read(standing)).cases();
        events.add(new RecordedEvent(++position, BatchEvent.stream("r"), 2, last.at(), "importer", null, 1, null,
                new BatchEvent.ImportRetracted("r", 10), null, null));
        EventLogJsonl.write(log, events);
    }

    @Test
    void discoveryLeavesTheRetractedBatchOutAndKeepsCollidingStreamsApart() {
        var map = ScaleDiscovery.processMap(ScaleLog.read(spark, log.toString()), 3);

        assertThat(map.cases()).isLessThan(unretracted);
        JsonTrees.assertSameReport(DiscoveryJson.processMap(map),
                DiscoveryJson.processMap(Discovery.processMap(EventLogs.read(log))));
    }

    @Test
    void theDebtReportLeavesTheRetractedBatchOutAsTheSingleMachineDoes() throws IOException {
        if (AnalyzeOnSparkTest.validation == null) {
            AnalyzeOnSparkTest.validation = dev.baton.model.validation.ModelValidation.validate(AnalyzeOnSparkTest.MODEL);
        }
        var report = ScaleDebt.report(ScaleLog.read(spark, log.toString()), AnalyzeOnSparkTest.MODEL.toString(),
                Files.readString(AnalyzeOnSparkTest.MODEL), 3);

        assertThat(report.items()).isLessThan(unretracted);
        JsonTrees.assertSameReport(DebtReportJson.toMap(report), AnalyzeOnSparkTest.singleMachine(log));
    }
}
