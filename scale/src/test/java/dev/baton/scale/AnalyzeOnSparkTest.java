package dev.baton.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.engine.jsonl.JsonlBatches;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtReportJson;
import dev.baton.insight.debt.ModelHistory;
import dev.baton.insight.debt.Scope;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.Simulator;
import dev.baton.insight.tools.PeopleAcrossTools;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import dev.baton.scale.debt.ScaleDebt;
import dev.baton.scale.log.ScaleLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job's debt report equals {@code baton analyze --format json}'s on the same simulated log. */
class AnalyzeOnSparkTest {

    static final Path MODEL = Path.of("../examples/b2b-saas.yaml");

    @TempDir
    static Path dir;
    static Path log;
    static SparkSession spark;
    static ValidationReport validation;

    @BeforeAll
    static void simulate() throws IOException {
        spark = LocalSpark.get();
        log = dir.resolve("b2b.jsonl");
        validation = ModelValidation.validate(MODEL);
        List<RecordedEvent> events = new ArrayList<>();
        Simulator.run(validation.model(), new SimulationSettings(250, 11, SimulationSettings.DEFAULT_START, 8,
                DebtRates.DEFAULT), events::add);
        EventLogJsonl.write(log, events);
    }

    /** What baton analyze does with a JSONL log (AnalyzeCommand, LogOptions.events). */
    static Map<String, Object> singleMachine(Path file) throws IOException {
        return singleMachine(file, Scope.ALL);
    }

    /** What baton analyze --from --to --source does with a JSONL log. */
    static Map<String, Object> singleMachine(Path file, Scope scope) throws IOException {
        DebtAnalysis.EventSource all = DebtAnalysis.jsonl(file);
        var retracted = JsonlBatches.batches(file).retracted();
        ValidationReport validation = AnalyzeOnSparkTest.validation != null ? AnalyzeOnSparkTest.validation
                : ModelValidation.validate(MODEL);
        return DebtReportJson.toMap(DebtAnalysis.analyze(ModelHistory.of(validation.model()), validation.warnings(),
                file.getFileName().toString(), sink -> all.forEach(ImportBatches.standing(retracted, sink)), scope,
                new PeopleAcrossTools(validation.model(), Map.of())));
    }

    @Test
    void debtReportOfTheSimulatedLogEqualsTheSingleMachineOne() throws IOException {
        var report = ScaleDebt.report(ScaleLog.read(spark, log.toString()), MODEL.toString(), Files.readString(MODEL), 4);

        assertThat(report.items()).isGreaterThan(200);
        JsonTrees.assertSameReport(DebtReportJson.toMap(report), singleMachine(log));
    }

    @Test
    void theCommandWritesTheJsonOfBatonAnalyzeAndSaysWhatIsWrong() throws IOException {
        Path out = dir.resolve("debt.json");
        StringWriter err = new StringWriter();
        int code = ScaleMain.run(new String[] {"analyze", "--model", MODEL.toString(), "--log", log.toString(),
                "--out", out.toString(), "--partitions", "3"}, spark, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        JsonTrees.assertSame(JsonTrees.JSON.readTree(Files.readString(out)),
                JsonTrees.JSON.valueToTree(singleMachine(log)), "$");

        StringWriter invalid = new StringWriter();
        assertThat(ScaleMain.run(new String[] {"analyze", "--model", "../examples/broken/five-mistakes.yaml", "--log",
                log.toString()}, spark, new PrintWriter(new StringWriter()), new PrintWriter(invalid, true)))
                .isEqualTo(ScaleMain.INVALID);
        assertThat(invalid.toString()).contains("five-mistakes.yaml:").contains("invalid, fix the errors above first");

        StringWriter usage = new StringWriter();
        assertThat(ScaleMain.run(new String[] {"analyze", "--log", log.toString()}, spark,
                new PrintWriter(new StringWriter()), new PrintWriter(usage, true))).isEqualTo(ScaleMain.USAGE);
        assertThat(usage.toString()).contains("--model MODEL.yaml and --log LOG are required");
    }
}
