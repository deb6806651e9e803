package dev.baton.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.funnel.Dimension;
import dev.baton.measure.funnel.FunnelJson;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.mapping.OutcomeMapping;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code scale funnel --touchpoints … --crm …} gives the JSON of {@code baton funnel --touchpoints
 * … --crm … --format json} (the files read together as the CLI reads them, the same measure code):
 * on the example exports and on a generated company, every split, per account and per person.
 */
class FunnelOnSparkTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path crm;
    static Path touchpoints;

    @BeforeAll
    static void company() throws IOException {
        TouchpointData.Company company = TouchpointData.testCompany(dir);
        crm = company.crm();
        touchpoints = company.touchpoints();
        spark = LocalSpark.get();
    }

    @Test
    void theGeneratedCompanyGivesTheSingleMachineJsonForEverySplit() throws IOException {
        List<String> splits = new ArrayList<>();
        for (Dimension by : List.of(Dimension.CAMPAIGN, Dimension.CHANNEL, Dimension.SEGMENT, Dimension.QUARTER,
                Dimension.NONE)) {
            for (JourneyOptions options : List.of(
                    new JourneyOptions(TouchIndex.By.ACCOUNT, JourneyOptions.Conversion.CREATED, Duration.ofDays(90)),
                    new JourneyOptions(TouchIndex.By.PERSON, JourneyOptions.Conversion.WON, Duration.ofDays(30)))) {
                String per = options.by().name().toLowerCase(Locale.ROOT);
                String conversion = options.conversion().name().toLowerCase(Locale.ROOT);
                Path out = dir.resolve("funnel-" + by + "-" + per + ".json");
                StringWriter err = new StringWriter();
                int code = ScaleMain.run(new String[] {"funnel", "--touchpoints", touchpoints.toString(), "--crm",
                        crm.toString(), "--by", by.name().toLowerCase(Locale.ROOT), "--per", per, "--conversion", conversion,
                        "--lookback", options.lookback().toDays() + "d", "--partitions", "3", "--out", out.toString()},
                        spark, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
                assertThat(code).as(err.toString()).isZero();
                JsonNode onSpark = JsonTrees.JSON.readTree(Files.readString(out));
                JsonNode expected = JsonTrees.JSON.valueToTree(TouchpointData.singleMachineFunnel(List.of(crm),
                        List.of(touchpoints), null, options, by));
                JsonTrees.assertSame(onSpark, expected, "$");
                splits.add(by + " per " + per);
                if (by == Dimension.CAMPAIGN && options.by() == TouchIndex.By.ACCOUNT) {
                    // What the comparison rests on: touches reached deals, cost was counted, repeats and strangers were said.
                    assertThat(onSpark.at("/total/influenced/opportunities").asLong()).isPositive();
                    assertThat(onSpark.at("/total/cost").asDouble()).isPositive();
                    assertThat(onSpark.at("/groups").size()).isGreaterThan(5);
                    assertThat(onSpark.at("/unmatched").size()).isPositive();
                    assertThat(onSpark.at("/notes").toString()).contains("touchpoints given twice, kept once");
                    assertThat(onSpark.at("/inputs").toString()).contains("a.csv", "b.csv");
                }
            }
        }
        assertThat(splits).hasSize(10);
    }

    @Test
    void theExampleExportsGiveTheJsonOfBatonFunnel() throws IOException {
        Path examples = TouchpointAttributionOnSparkTest.EXAMPLES;
        Path mapping = examples.resolve("outcome-mapping.yaml");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ScaleMain.run(new String[] {"funnel", "--touchpoints", examples.resolve("touchpoints.csv").toString(),
                "--crm", examples.resolve("salesforce").toString(), "--mapping", mapping.toString(), "--format", "json"},
                spark, new PrintWriter(out), new PrintWriter(err, true));

        assertThat(code).as(err.toString()).isZero();
        var expected = TouchpointData.singleMachineFunnel(List.of(examples.resolve("salesforce")),
                List.of(examples.resolve("touchpoints.csv")), mapping, JourneyOptions.DEFAULT, Dimension.CAMPAIGN);
        JsonNode onSpark = JsonTrees.JSON.readTree(out.toString());
        JsonTrees.assertSame(onSpark, JsonTrees.JSON.valueToTree(expected), "$");
        // docs/outcomes.md works these out by hand: 6 leads, 210 of touch cost, Ana's 24,000 won.
        assertThat(onSpark.at("/total/stages/0/count").asLong()).isEqualTo(6);
        assertThat(onSpark.at("/total/cost").asDouble()).isEqualTo(210.0);
        assertThat(onSpark.at("/total/sourced/revenue").asDouble()).isEqualTo(24000.0);
    }

    @Test
    void withAModelItsStagesNameTheFunnelAndItsMetricsAreMeasuredAsOnOneMachine() throws IOException {
        Path model = dir.resolve("model.yaml");
        Files.writeString(model, Files.readString(Path.of("../examples/b2b-saas.yaml")) + """

                funnel:
                  stages:
                    - { id: lead, name: Lead }
                    - { id: mql, name: Marketing qualified }
                    - { id: sal, name: Sales accepted, statuses: [Working], date-columns: [SQL Date] }
                    - { id: opportunity, name: Opportunity }
                    - { id: won, name: Customer }
                  handoff: { from: mql, to: sal }
                """);
        Path out = dir.resolve("funnel-model.json");
        StringWriter err = new StringWriter();
        int code = ScaleMain.run(new String[] {"funnel", "--touchpoints", touchpoints.toString(), "--crm", crm.toString(),
                "--model", model.toString(), "--by", "channel", "--out", out.toString()}, spark,
                new PrintWriter(new StringWriter()), new PrintWriter(err, true));

        assertThat(code).as(err.toString()).isZero();
        JsonNode onSpark = JsonTrees.JSON.readTree(Files.readString(out));
        JsonTrees.assertSame(onSpark, JsonTrees.JSON.valueToTree(TouchpointData.singleMachineFunnel(List.of(crm),
                List.of(touchpoints), null, model, JourneyOptions.DEFAULT, Dimension.CHANNEL)), "$");
        assertThat(onSpark.at("/stages").toString()).contains("sal");
        assertThat(onSpark.at("/metrics/measured").size()).as("sourced pipeline, win rate, MQL to SQL").isPositive();

        Files.writeString(model, "name: broken\nwork-types: 3\n");
        StringWriter invalid = new StringWriter();
        assertThat(ScaleMain.run(new String[] {"funnel", "--touchpoints", touchpoints.toString(), "--crm", crm.toString(),
                "--model", model.toString()}, spark, new PrintWriter(new StringWriter()), new PrintWriter(invalid, true)))
                .isEqualTo(ScaleMain.INVALID);
        assertThat(invalid.toString()).contains(model + ": invalid, fix the errors above first").doesNotContain("Exception");
    }

    @Test
    void aBadTouchpointIsSaidWhereTheCliSaysItAndAUsageErrorExits2() throws IOException {
        Path bad = dir.resolve("bad").resolve("touches.csv");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "email,time,channel\np0@acct1.example,2025-03-01T10:00:00Z,email\n"
                + "p1@acct1.example,yesterday,email\n");
        StringWriter err = new StringWriter();
        int code = ScaleMain.run(new String[] {"funnel", "--touchpoints", bad.getParent().toString(), "--crm",
                crm.toString()}, spark, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(code).isEqualTo(ScaleMain.INVALID);
        CrmReader.Result cli = CrmReader.read(CrmReader.sources(List.of(crm, bad.getParent())), OutcomeMapping.DEFAULT);
        assertThat(cli.problems()).isNotEmpty();
        assertThat(err.toString().strip()).isEqualTo(cli.problems().get(0).format())
                .startsWith(bad + ":3:").doesNotContain("Exception");

        Path noChannel = dir.resolve("no-channel.csv");
        Files.writeString(noChannel, "email,time\np0@acct1.example,2025-03-01T10:00:00Z\n");
        StringWriter missing = new StringWriter();
        assertThat(ScaleMain.run(new String[] {"funnel", "--touchpoints", noChannel.toString(), "--crm", crm.toString()},
                spark, new PrintWriter(new StringWriter()), new PrintWriter(missing, true))).isEqualTo(ScaleMain.INVALID);
        CrmReader.Result cliMissing = CrmReader.read(CrmReader.sources(List.of(crm, noChannel)), OutcomeMapping.DEFAULT);
        assertThat(missing.toString().strip()).isEqualTo(cliMissing.problems().get(0).format()).contains(":1:");

        StringWriter touchesAsCrm = new StringWriter();
        assertThat(ScaleMain.run(new String[] {"funnel", "--touchpoints", touchpoints.toString(), "--crm",
                touchpoints.toString()}, spark, new PrintWriter(new StringWriter()), new PrintWriter(touchesAsCrm, true)))
                .isEqualTo(ScaleMain.INVALID);
        assertThat(touchesAsCrm.toString()).contains("a.csv:1:1: error: a touchpoint file among the CRM exports");

        for (String[] wrong : List.of(new String[] {"--by", "work-type"}, new String[] {"--lookback", "forever"},
                new String[] {"--format", "text"}, new String[] {"--log", "log.jsonl"})) {
            StringWriter usage = new StringWriter();
            assertThat(ScaleMain.run(new String[] {"funnel", "--touchpoints", noChannel.toString(), "--crm",
                    crm.toString(), wrong[0], wrong[1]}, spark, new PrintWriter(new StringWriter()),
                    new PrintWriter(usage, true))).as(String.join(" ", wrong)).isEqualTo(ScaleMain.USAGE);
            assertThat(usage.toString()).contains("baton-scale funnel: ").contains(wrong[0]);
        }
        StringWriter noCrm = new StringWriter();
        assertThat(ScaleMain.run(new String[] {"funnel", "--touchpoints", noChannel.toString()}, spark,
                new PrintWriter(new StringWriter()), new PrintWriter(noCrm, true))).isEqualTo(ScaleMain.USAGE);
        assertThat(noCrm.toString()).contains("--crm DIR_OR_FILE");
    }
}
