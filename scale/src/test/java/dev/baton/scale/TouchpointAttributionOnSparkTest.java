package dev.baton.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.measure.attribution.Attribution;
import dev.baton.measure.attribution.AttributionJson;
import dev.baton.measure.attribution.AttributionModel;
import dev.baton.measure.attribution.AttributionOptions;
import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.scale.outcome.ScaleJourneys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scale attribute --touchpoints … --crm …} cuts on Spark the journeys {@code baton attribute
 * --touchpoints … --crm …} cuts (the same measure code, read as the CLI reads the files), so every
 * model gives the same JSON: on the example exports and on a generated company.
 */
class TouchpointAttributionOnSparkTest {

    static final Path EXAMPLES = Path.of("../examples/outcomes");

    @TempDir
    static Path dir;
    static Path crm;
    static Path touchpoints;
    static SparkSession spark;

    @BeforeAll
    static void generate() throws IOException {
        spark = LocalSpark.get();
        TouchpointData.Company company = TouchpointData.testCompany(dir);
        crm = company.crm();
        touchpoints = company.touchpoints();
    }

    @Test
    void theGeneratedCompanyGivesEveryModelTheSingleMachineJson() throws IOException {
        for (JourneyOptions options : List.of(
                new JourneyOptions(TouchIndex.By.ACCOUNT, JourneyOptions.Conversion.CREATED, Duration.ofDays(90)),
                new JourneyOptions(TouchIndex.By.PERSON, JourneyOptions.Conversion.WON, Duration.ofDays(180)))) {
            var expected = TouchpointData.singleMachine(List.of(crm, touchpoints), null, options);
            var onSpark = ScaleJourneys.journeys(spark, List.of(crm), touchpoints.toString(), null, options, 3);
            assertThat(onSpark.rows()).isEqualTo(expected.rows()).isPositive();
            assertThat(onSpark.distinctPaths()).isEqualTo(expected.distinctPaths());
            for (AttributionModel model : List.of(AttributionModel.LINEAR, AttributionModel.MARKOV,
                    AttributionModel.SHAPLEY, AttributionModel.POSITION_BASED)) {
                JsonTrees.assertSameReport(AttributionJson.result(Attribution.run(model, onSpark, AttributionOptions.DEFAULTS)),
                        AttributionJson.result(Attribution.run(model, expected, AttributionOptions.DEFAULTS)));
            }
        }
    }

    @Test
    void theExampleExportsGiveTheJsonOfBatonAttribute() throws IOException {
        Path mapping = EXAMPLES.resolve("outcome-mapping.yaml");
        Path out = dir.resolve("example.json");
        StringWriter err = new StringWriter();
        int code = ScaleMain.run(new String[] {"attribute", "--touchpoints", EXAMPLES.resolve("touchpoints.csv").toString(),
                "--crm", EXAMPLES.resolve("salesforce").toString(), "--mapping", mapping.toString(), "--model", "markov",
                "--out", out.toString()}, spark, new PrintWriter(new StringWriter()), new PrintWriter(err, true));

        assertThat(code).as(err.toString()).isZero();
        var expected = TouchpointData.singleMachine(List.of(EXAMPLES.resolve("salesforce"), EXAMPLES.resolve("touchpoints.csv")), mapping,
                new JourneyOptions(TouchIndex.By.ACCOUNT, JourneyOptions.Conversion.CREATED, Duration.ofDays(90)));
        JsonTrees.assertSame(JsonTrees.JSON.readTree(Files.readString(out)),
                JsonTrees.JSON.valueToTree(AttributionJson.result(Attribution.markov(expected, 1))), "$");
    }

    @Test
    void aBadTouchpointIsSaidWhereTheCliSaysIt() throws IOException {
        Path bad = dir.resolve("bad-touchpoints.csv");
        Files.writeString(bad, "email,time,channel\np0@acct1.example,2025-03-01T10:00:00Z,email\n"
                + "p1@acct1.example,yesterday,email\n");
        StringWriter err = new StringWriter();
        int code = ScaleMain.run(new String[] {"attribute", "--touchpoints", bad.toString(), "--crm", crm.toString(),
                "--model", "linear"}, spark, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(code).isEqualTo(ScaleMain.INVALID);
        CrmReader.Result cli = CrmReader.read(CrmReader.sources(List.of(crm, bad)), OutcomeMapping.DEFAULT);
        assertThat(cli.problems()).isNotEmpty();
        assertThat(err.toString().strip()).isEqualTo(cli.problems().get(0).format()).contains(":3:").doesNotContain("Exception");

        Path noChannel = dir.resolve("no-channel.csv");
        Files.writeString(noChannel, "email,time\np0@acct1.example,2025-03-01T10:00:00Z\n");
        StringWriter missing = new StringWriter();
        assertThat(ScaleMain.run(new String[] {"attribute", "--touchpoints", noChannel.toString(), "--crm", crm.toString(),
                "--model", "linear"}, spark, new PrintWriter(new StringWriter()), new PrintWriter(missing, true)))
                .isEqualTo(ScaleMain.INVALID);
        CrmReader.Result cliMissing = CrmReader.read(CrmReader.sources(List.of(crm, noChannel)), OutcomeMapping.DEFAULT);
        assertThat(missing.toString().strip()).isEqualTo(cliMissing.problems().get(0).format());

        StringWriter notTouches = new StringWriter();
        assertThat(ScaleMain.run(new String[] {"attribute", "--touchpoints", crm.resolve("leads.csv").toString(), "--crm",
                crm.toString(), "--model", "linear"}, spark, new PrintWriter(new StringWriter()),
                new PrintWriter(notTouches, true))).isEqualTo(ScaleMain.INVALID);
        assertThat(notTouches.toString()).contains("leads.csv:1:1: error: expected a touchpoint file");

        StringWriter usage = new StringWriter();
        assertThat(ScaleMain.run(new String[] {"attribute", "--touchpoints", bad.toString(), "--crm", crm.toString(),
                "--model", "linear", "--lookback", "forever"}, spark, new PrintWriter(new StringWriter()),
                new PrintWriter(usage, true))).isEqualTo(ScaleMain.USAGE);
        assertThat(usage.toString()).contains("--lookback: expected a duration such as 90d");
    }
}
