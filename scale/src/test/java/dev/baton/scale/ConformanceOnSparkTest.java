package dev.baton.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.insight.conformance.Conformance;
import dev.baton.insight.conformance.ConformanceJson;
import dev.baton.insight.conformance.NetFile;
import dev.baton.insight.log.EventLogs;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.Simulator;
import dev.baton.model.flow.FlowNets;
import dev.baton.model.validation.ModelValidation;
import dev.baton.scale.conformance.ScaleConformance;
import dev.baton.scale.log.ScaleLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job's conformance equals {@code baton conformance --format json}'s on the same log:
 * a simulated b2b-saas log (with debt, so cases deviate) against each work type's net of the
 * model, and a hand-made log against a PNML net, by alignments and token replay, from JSONL and
 * from its Parquet export; bad input is said as the CLI says it.
 */
class ConformanceOnSparkTest {

    static final Path MODEL = Path.of("../examples/b2b-saas.yaml");
    static final Path PNML = Path.of("../insight/src/test/resources/nets/parallel.pnml");

    @TempDir
    static Path dir;
    static Path log;
    static Path handMade;
    static SparkSession spark;
    static Set<String> workTypes;

    @BeforeAll
    static void simulate() throws IOException {
        spark = LocalSpark.get();
        log = dir.resolve("b2b.jsonl");
        var model = ModelValidation.validate(MODEL).model();
        workTypes = FlowNets.compileAll(model).keySet();
        List<RecordedEvent> events = new ArrayList<>();
        Simulator.run(model, new SimulationSettings(300, 13, SimulationSettings.DEFAULT_START, 8, DebtRates.DEFAULT),
                events::add);
        EventLogJsonl.write(log, events);
        handMade = dir.resolve("launches.jsonl");
        EventLogJsonl.write(handMade, launches());
    }

    /**
     * Launches through brief, copy and design, the streams' events interleaved; one stream's first
     * event is a comment long before its creation, so the case comes last in the log, as its creation.
     */
    static List<RecordedEvent> launches() {
        List<List<String>> traces = List.of(List.of("brief", "copy", "design"), List.of("brief", "design", "copy"),
                List.of("brief", "copy"), List.of("copy", "design"), List.of("brief", "party", "copy", "design"),
                List.of("brief", "copy", "brief", "design"));
        List<RecordedEvent> events = new ArrayList<>();
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        long[] position = {0};
        events.add(new RecordedEvent(++position[0], "launch-late", 1, at, "ana", null, 1, null,
                new WorkItemEvent.CommentAdded("to plan"), null));
        for (int step = 0; step < 4; step++) {
            for (int i = 0; i < 90; i++) {
                List<String> trace = traces.get(i * 7 % 11 % traces.size());
                if (step < trace.size()) {
                    events.add(stage("launch-" + i, step, trace, at.plusSeconds(60L * events.size()), ++position[0]));
                }
            }
        }
        List<String> late = List.of("design", "copy");
        events.add(stage("launch-late", 0, late, at.plusSeconds(60L * events.size()), ++position[0]));
        events.add(stage("launch-late", 1, late, at.plusSeconds(60L * events.size()), ++position[0]));
        return events;
    }

    private static RecordedEvent stage(String stream, int step, List<String> trace, Instant at, long position) {
        WorkItemEvent event = step == 0 ? new WorkItemEvent.ItemCreated(stream, trace.get(0), Map.of(), null, null)
                : new WorkItemEvent.StageEntered(trace.get(step - 1), trace.get(step), false);
        return new RecordedEvent(position, stream, step + (stream.equals("launch-late") ? 2 : 1), at, "ana", null, 1,
                null, event, null);
    }

    /** What {@code baton conformance --format json} writes (ConformanceCommand). */
    static Map<String, Object> singleMachine(Path net, String workType, Path file, Conformance.Method method) {
        NetFile flow = NetFile.read(net, workType);
        return ConformanceJson.result(Conformance.check(flow.net(), flow.casesOf(EventLogs.read(file)), method));
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ScaleMain.run(args, spark, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }

    @Test
    void everyWorkTypeOfTheModelByBothMethodsGivesTheSingleMachinesJson() throws IOException {
        assertThat(workTypes).hasSizeGreaterThan(1);
        boolean deviated = false;
        for (String workType : workTypes) {
            for (Conformance.Method method : Conformance.Method.values()) {
                Path out = dir.resolve(workType + "-" + method.id() + ".json");
                Run run = run("conformance", "--net", MODEL.toString(), "--work-type", workType, "--log", log.toString(),
                        "--method", method.id(), "--partitions", "3", "--out", out.toString());

                assertThat(run.code()).as(run.err()).isZero();
                var expected = singleMachine(MODEL, workType, log, method);
                JsonTrees.assertSame(JsonTrees.JSON.readTree(out.toFile()), JsonTrees.JSON.valueToTree(expected),
                        workType + " " + method.id());
                assertThat((Integer) expected.get("cases")).as(workType).isPositive();
                deviated |= !((List<?>) expected.get("deviations")).isEmpty();
            }
        }
        assertThat(deviated).as("the simulated debt makes cases deviate").isTrue();
    }

    @Test
    void aPnmlNetGivesTheSingleMachinesJsonWithTheLateCaseLast() {
        for (Conformance.Method method : Conformance.Method.values()) {
            var result = ScaleConformance.check(ScaleLog.read(spark, handMade.toString()), NetFile.read(PNML, null),
                    method, 4);

            assertThat(result.cases()).isEqualTo(91);
            assertThat(result.variants().get(result.variants().size() - 1).activities()).containsExactly("design", "copy");
            assertThat(result.deviations()).isNotEmpty();
            JsonTrees.assertSameReport(ConformanceJson.result(result), singleMachine(PNML, null, handMade, method));
        }
    }

    @Test
    void theParquetExportGivesTheJsonOfTheJsonlItWasWrittenFrom() {
        Path parquet = dir.resolve("b2b.parquet");
        Run export = run("export-parquet", "--log", log.toString(), "--out", parquet.toString());
        assertThat(export.code()).as(export.err()).isZero();
        String workType = workTypes.iterator().next();

        for (Conformance.Method method : Conformance.Method.values()) {
            var result = ScaleConformance.check(ScaleLog.read(spark, parquet.toString()), NetFile.read(MODEL, workType),
                    method, 2);

            var expected = singleMachine(MODEL, workType, log, method);
            expected.put("log", parquet.toString()); // the log's name is the path it was read from
            JsonTrees.assertSameReport(ConformanceJson.result(result), expected);
        }
    }

    @Test
    void anInvalidModelAndAnUnknownWorkTypeAreSaidAsTheCliSaysThem() throws IOException {
        Path invalid = dir.resolve("invalid.yaml");
        Files.writeString(invalid, Files.readString(MODEL).replace("apiVersion: baton/v1", "apiVersion: baton/v9"));
        assertThat(ModelValidation.validate(invalid).valid()).isFalse();
        Run bad = run("conformance", "--net", invalid.toString(), "--log", log.toString());
        assertThat(bad.code()).isEqualTo(ScaleMain.INVALID);
        assertThat(bad.err()).contains(invalid + ": invalid, fix the errors above first").doesNotContain("Exception");

        Run unknown = run("conformance", "--net", MODEL.toString(), "--work-type", "podcast", "--log", log.toString());
        assertThat(unknown.code()).isEqualTo(ScaleMain.INVALID);
        assertThat(unknown.err()).startsWith(MODEL + ": expected --work-type to be one of ").contains("found 'podcast'");

        Run none = run("conformance", "--net", MODEL.toString(), "--log", log.toString());
        assertThat(none.code()).isEqualTo(ScaleMain.INVALID);
        assertThat(none.err()).contains("expected --work-type with one of ");
    }

    @Test
    void aMalformedLineIsSaidNotThrown() throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(handMade));
        lines.add(30, "{\"position\": 9999, \"stream\": \"launch-x\", \"type\": \"NoSuchEvent\"}");
        Files.write(bad, lines);

        Run run = run("conformance", "--net", PNML.toString(), "--log", bad.toString());

        assertThat(run.code()).isEqualTo(ScaleMain.INVALID);
        assertThat(run.err()).startsWith(bad + ": error: ").contains("NoSuchEvent").doesNotContain("Exception");
    }

    @Test
    void usageErrorsAreSaidWithExitTwo() {
        Run noNet = run("conformance", "--log", log.toString());
        assertThat(noNet.code()).isEqualTo(ScaleMain.USAGE);
        assertThat(noNet.err()).contains("conformance: --net NET.pnml|MODEL.yaml and --log LOG are required");

        Run method = run("conformance", "--net", PNML.toString(), "--log", log.toString(), "--method", "magic");
        assertThat(method.code()).isEqualTo(ScaleMain.USAGE);
        assertThat(method.err()).contains("expected token-replay or alignments, found 'magic'");

        Run text = run("conformance", "--net", PNML.toString(), "--log", log.toString(), "--format", "text");
        assertThat(text.code()).isEqualTo(ScaleMain.USAGE);
        assertThat(text.err()).contains("--format takes json only");

        Run option = run("conformance", "--net", PNML.toString(), "--log", log.toString(), "--top", "5");
        assertThat(option.code()).isEqualTo(ScaleMain.USAGE);
        assertThat(option.err()).contains("unknown option '--top'");

        Run missingLog = run("conformance", "--net", PNML.toString(), "--log", dir.resolve("none.jsonl").toString());
        assertThat(missingLog.code()).isEqualTo(ScaleMain.INVALID);
        assertThat(missingLog.err()).contains("none.jsonl: error: no such file");
    }
}
