package dev.baton.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.measure.attribution.Attribution;
import dev.baton.measure.attribution.AttributionJson;
import dev.baton.measure.attribution.AttributionModel;
import dev.baton.measure.attribution.AttributionOptions;
import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.identity.Identities;
import dev.baton.measure.identity.IdentityMatcher;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.Journeys;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.mapping.OutcomeMappingReader;
import dev.baton.model.FunnelSettings;
import dev.baton.scale.outcome.ScaleJourneys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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
        crm = Files.createDirectories(dir.resolve("crm"));
        touchpoints = Files.createDirectories(dir.resolve("touchpoints"));
        Random random = new Random(7);
        StringBuilder leads = new StringBuilder("\"Lead ID\",\"Email\",\"Company\",\"Lead Status\",\"Created Date\"\n");
        StringBuilder opportunities = new StringBuilder("\"Opportunity ID\",\"Opportunity Name\",\"Account Name\","
                + "\"Stage\",\"Amount\",\"Created Date\",\"Close Date\"\n");
        int accounts = 150;
        for (int a = 0; a < accounts; a++) {
            for (int p = 0; p < 3; p++) {
                leads.append(String.format(Locale.ROOT, "\"00Q%05d%d\",\"p%d@acct%d.example\",\"Account %d\",\"Working\","
                        + "\"%d/%d/2025\"%n", a, p, p, a, a, 1 + random.nextInt(12), 1 + random.nextInt(28)));
            }
            int deals = random.nextInt(3);
            for (int d = 0; d < deals; d++) {
                int month = 2 + random.nextInt(10);
                opportunities.append(String.format(Locale.ROOT, "\"006%05d%d\",\"Deal %d-%d\",\"Account %d\",\"%s\","
                        + "\"%d\",\"%d/%d/2025\",\"%d/%d/2025\"%n", a, d, a, d, a,
                        random.nextBoolean() ? "Closed Won" : "Qualification", 1000 + random.nextInt(50_000), month,
                        1 + random.nextInt(28), Math.min(12, month + 1), 1 + random.nextInt(28)));
            }
        }
        // Campaign responses are touches too; one without a type takes its campaign's touches' most frequent channel.
        StringBuilder members = new StringBuilder("\"Campaign Name\",\"Email\",\"Member Status\",\"First Responded Date\","
                + "\"Campaign Type\"\n");
        for (int m = 0; m < 300; m++) {
            int a = random.nextInt(accounts);
            members.append(String.format(Locale.ROOT, "\"C%d\",\"p%d@acct%d.example\",\"Responded\",\"%d/%d/2025\",\"%s\"%n",
                    random.nextInt(14), random.nextInt(3), a, 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(4) == 0 ? "Event" : ""));
        }
        Files.writeString(crm.resolve("campaign-members.csv"), members);
        Files.writeString(crm.resolve("leads.csv"), leads);
        Files.writeString(crm.resolve("opportunities.csv"), opportunities);
        String[] channels = {"paid_search", "email", "webinar", "display", "organic", "partner"};
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        // Two files, read in name order; repeats, ties at the same second, personal addresses and account-only rows.
        for (String name : List.of("a.csv", "b.csv")) {
            StringBuilder csv = new StringBuilder("email,account,time,channel,campaign,cost\n");
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < 6000; i++) {
                int a = random.nextInt(accounts + 10);
                String email = random.nextInt(20) == 0 ? "someone" + a + "@gmail.com" : "p" + random.nextInt(3) + "@acct" + a
                        + ".example";
                boolean accountOnly = random.nextInt(15) == 0;
                String channel = channels[random.nextInt(channels.length)];
                String row = (accountOnly ? "" : email) + "," + (accountOnly ? "Account " + a : "") + ","
                        + start.plusSeconds(3600L * random.nextInt(24 * 360)) + "," + channel + ",C" + random.nextInt(12)
                        + "," + random.nextInt(50);
                rows.add(row);
                if (random.nextInt(40) == 0) {
                    rows.add(row);
                }
            }
            rows.forEach(r -> csv.append(r).append('\n'));
            Files.writeString(touchpoints.resolve(name), csv);
        }
    }

    @Test
    void theGeneratedCompanyGivesEveryModelTheSingleMachineJson() throws IOException {
        for (JourneyOptions options : List.of(
                new JourneyOptions(TouchIndex.By.ACCOUNT, JourneyOptions.Conversion.CREATED, Duration.ofDays(90)),
                new JourneyOptions(TouchIndex.By.PERSON, JourneyOptions.Conversion.WON, Duration.ofDays(180)))) {
            var expected = singleMachine(List.of(crm, touchpoints), null, options);
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
        var expected = singleMachine(List.of(EXAMPLES.resolve("salesforce"), EXAMPLES.resolve("touchpoints.csv")), mapping,
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

    /** What {@code baton attribute --touchpoints … --crm …} attributes: every file read together, then cut. */
    static dev.baton.measure.attribution.Journeys singleMachine(List<Path> files, Path mappingFile, JourneyOptions options)
            throws IOException {
        OutcomeMapping mapping = mappingFile == null ? OutcomeMapping.DEFAULT
                : OutcomeMappingReader.read(Files.readString(mappingFile)).mapping();
        mapping = mapping.withFunnel(FunnelSettings.NONE);
        CrmReader.Result read = CrmReader.read(CrmReader.sources(files), mapping);
        assertThat(read.problems()).isEmpty();
        Identities identities = IdentityMatcher.match(read.data(), mapping.identity());
        TouchIndex index = TouchIndex.build(read.data(), identities, mapping, options.by());
        return Journeys.forModels(Journeys.build(read.data(), identities, index, options).journeys());
    }
}
