package dev.baton.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.insight.discovery.Discovery;
import dev.baton.insight.discovery.DiscoveryJson;
import dev.baton.insight.log.EventLogs;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.Simulator;
import dev.baton.model.validation.ModelValidation;
import dev.baton.scale.discovery.ScaleDiscovery;
import dev.baton.scale.log.ScaleLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job's process map equals {@code baton discover --format json}'s on the same log, JSONL or Parquet. */
class DiscoveryOnSparkTest {

    @TempDir
    static Path dir;
    static Path log;
    static SparkSession spark;

    @BeforeAll
    static void simulate() throws IOException {
        spark = LocalSpark.get();
        log = dir.resolve("log.jsonl");
        var model = ModelValidation.validate(Path.of("../examples/content-team.yaml")).model();
        List<dev.baton.engine.event.RecordedEvent> events = new ArrayList<>();
        Simulator.run(model, new SimulationSettings(300, 7, SimulationSettings.DEFAULT_START, 8, DebtRates.DEFAULT),
                events::add);
        EventLogJsonl.write(log, events);
    }

    private static Object singleMachine(Path file) {
        return DiscoveryJson.processMap(Discovery.processMap(EventLogs.read(file)));
    }

    @Test
    void processMapOfTheSimulatedLogEqualsTheSingleMachineOne() {
        var map = ScaleDiscovery.processMap(ScaleLog.read(spark, log.toString()), 4);

        assertThat(map.cases()).isEqualTo(300);
        assertThat(map.variants()).hasSizeGreaterThan(1);
        JsonTrees.assertSameReport(DiscoveryJson.processMap(map), singleMachine(log));
    }

    @Test
    void aCaseIsPlacedByItsFirstActivityAsOneMachinePlacesIt() throws IOException {
        // One stream's first line is a comment long before its creation: only activities are shuffled.
        Path launches = dir.resolve("launches.jsonl");
        EventLogJsonl.write(launches, ConformanceOnSparkTest.launches());

        var map = ScaleDiscovery.processMap(ScaleLog.read(spark, launches.toString()), 3);

        assertThat(map.cases()).isEqualTo(91);
        JsonTrees.assertSameReport(DiscoveryJson.processMap(map), singleMachine(launches));
    }

    @Test
    void theParquetExportReadsAsTheJsonlItWasWrittenFrom() {
        Path parquet = dir.resolve("log.parquet");
        StringWriter err = new StringWriter();
        int code = ScaleMain.run(new String[] {"export-parquet", "--log", log.toString(), "--out", parquet.toString()},
                spark, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(spark.read().parquet(parquet.toString()).columns()).containsExactly("position", "stream", "version",
                "at", "actor", "workType", "modelVersion", "commandId", "type", "data", "id", "batch");

        var map = ScaleDiscovery.processMap(ScaleLog.read(spark, parquet.toString()), 3);
        var expected = DiscoveryJson.processMap(Discovery.processMap(EventLogs.read(log)));
        expected.put("log", parquet.toString()); // the log's name is the path it was read from
        JsonTrees.assertSameReport(DiscoveryJson.processMap(map), expected);

        int again = ScaleMain.run(new String[] {"export-parquet", "--log", log.toString(), "--out", parquet.toString()},
                spark, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(again).isEqualTo(ScaleMain.INVALID);
        assertThat(err.toString()).contains("already exists");
    }

    @Test
    void aMalformedLineIsReportedWithTheLineNotAStackTrace() throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(log).subList(0, 50));
        lines.add(25, "{\"position\": 9999, \"stream\": \"item-x\", \"type\": \"NoSuchEvent\"}");
        Files.write(bad, lines);
        StringWriter err = new StringWriter();

        int code = ScaleMain.run(new String[] {"discover", "--log", bad.toString()}, spark,
                new PrintWriter(new StringWriter()), new PrintWriter(err, true));

        assertThat(code).isEqualTo(ScaleMain.INVALID);
        assertThat(err.toString()).startsWith(bad + ": error: ").contains("NoSuchEvent").doesNotContain("Exception");

        // A line of another event than an activity, cut short as by a writer that crashed: not skipped unread.
        Path cut = dir.resolve("cut.jsonl");
        List<String> kept = new ArrayList<>(Files.readAllLines(log).subList(0, 50));
        int other = 0;
        while (kept.get(other).contains("\"type\":\"ItemCreated\"") || kept.get(other).contains("\"type\":\"StageEntered\"")) {
            other++;
        }
        String whole = kept.get(other);
        kept.set(other, whole.substring(0, whole.length() - 5));
        Files.write(cut, kept);
        StringWriter said = new StringWriter();
        assertThat(ScaleMain.run(new String[] {"discover", "--log", cut.toString()}, spark,
                new PrintWriter(new StringWriter()), new PrintWriter(said, true))).isEqualTo(ScaleMain.INVALID);
        assertThat(said.toString()).startsWith(cut + ": error: ").doesNotContain("Exception");
    }
}
