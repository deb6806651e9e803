package dev.baton.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.measure.attribution.Attribution;
import dev.baton.measure.attribution.AttributionJson;
import dev.baton.measure.attribution.AttributionModel;
import dev.baton.measure.attribution.AttributionOptions;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.scale.outcome.ScaleJourneys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Touchpoints kept as Parquet (times as timestamps, cost as a number) or as JSON Lines give the
 * journeys, and so every model's JSON, of the same touchpoints as CSV read by {@code baton attribute};
 * a table whose time is not a time is said with its file.
 */
class TouchpointTablesOnSparkTest {

    static final JourneyOptions OPTIONS = new JourneyOptions(TouchIndex.By.ACCOUNT, JourneyOptions.Conversion.CREATED,
            Duration.ofDays(90));

    @TempDir
    static Path dir;
    static Path crm;
    static Path csv;
    static SparkSession spark;

    @BeforeAll
    static void generate() throws IOException {
        spark = LocalSpark.get();
        crm = Files.createDirectories(dir.resolve("crm"));
        csv = Files.createDirectories(dir.resolve("csv"));
        TouchpointData.write(crm, csv, 120, 3000, 11);
    }

    /** Each CSV file of the generated touchpoints as a table: Parquet with typed columns, or JSON Lines. */
    private static Path tables(String format) throws IOException {
        Path out = Files.createDirectories(dir.resolve(format));
        List<Path> files;
        try (Stream<Path> listed = Files.list(csv)) {
            files = listed.sorted().toList();
        }
        for (Path file : files) {
            if (Files.exists(out.resolve(file.getFileName() + "." + format))) {
                continue; // written by an earlier test
            }
            Dataset<Row> rows = spark.read().option("header", "true").csv(file.toString());
            if (format.equals("parquet")) {
                rows = rows.withColumn("time", functions.to_timestamp(functions.col("time")));
                if (List.of(rows.columns()).contains("cost")) {
                    rows = rows.withColumn("cost", functions.col("cost").cast("double"));
                }
                // One file each, in the CSV's order, named as the CSV files sort.
                rows.coalesce(1).write().parquet(out.resolve(file.getFileName() + ".parquet").toString());
            } else {
                rows.coalesce(1).write().json(out.resolve(file.getFileName() + ".jsonl").toString());
            }
        }
        return out;
    }

    @Test
    void parquetAndJsonLinesGiveTheJourneysOfTheCsv() throws IOException {
        var expected = TouchpointData.singleMachine(List.of(crm, csv), null, OPTIONS);
        for (String format : List.of("parquet", "jsonl")) {
            Path tables = tables(format);
            // A directory of tables, each a directory Spark wrote: read one by one, in name order.
            var onSpark = ScaleJourneys.journeys(spark, List.of(crm), tables.toString(), null, OPTIONS, 3);
            assertThat(onSpark.rows()).as(format).isEqualTo(expected.rows()).isPositive();
            assertThat(onSpark.distinctPaths()).as(format).isEqualTo(expected.distinctPaths());
            for (AttributionModel model : List.of(AttributionModel.MARKOV, AttributionModel.SHAPLEY)) {
                JsonTrees.assertSameReport(AttributionJson.result(Attribution.run(model, onSpark, AttributionOptions.DEFAULTS)),
                        AttributionJson.result(Attribution.run(model, expected, AttributionOptions.DEFAULTS)));
            }
        }
    }

    @Test
    void parquetGivesTheFunnelOfTheCsv() throws IOException {
        Path tables = tables("parquet");
        Path out = dir.resolve("funnel.json");
        StringWriter err = new StringWriter();
        int code = ScaleMain.run(new String[] {"funnel", "--touchpoints", tables.toString(), "--crm", crm.toString(),
                "--by", "channel", "--out", out.toString()}, spark, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        var onSpark = (tools.jackson.databind.node.ObjectNode) JsonTrees.JSON.readTree(Files.readString(out));
        var expected = (tools.jackson.databind.node.ObjectNode) JsonTrees.JSON.valueToTree(
                TouchpointData.singleMachineFunnel(List.of(crm), List.of(csv), null, OPTIONS,
                        dev.baton.measure.funnel.Dimension.CHANNEL));
        // The same rows of the same files, named as tables (a.csv.parquet) rather than as CSV (a.csv).
        for (var input : onSpark.get("inputs")) {
            ((tools.jackson.databind.node.ObjectNode) input).put("file", input.get("file").asString()
                    .replace(tables.toString(), csv.toString()).replace(".parquet", ""));
        }
        JsonTrees.assertSame(onSpark, expected, "$");
    }

    @Test
    void aTableWhoseTimeIsNotATimeIsSaidWithItsFile() throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, """
                {"email":"p0@acct1.example","time":"2025-03-01T10:00:00Z","channel":"email"}
                {"email":"p1@acct1.example","time":"yesterday","channel":"email"}
                """);
        StringWriter err = new StringWriter();
        int code = ScaleMain.run(new String[] {"attribute", "--touchpoints", bad.toString(), "--crm", crm.toString(),
                "--model", "linear"}, spark, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(code).isEqualTo(ScaleMain.INVALID);
        assertThat(err.toString()).contains("bad.jsonl:2: column 'time'").contains("yesterday").doesNotContain("Exception");

        Path nested = dir.resolve("nested.jsonl");
        Files.writeString(nested, "{\"email\":\"p0@acct1.example\",\"time\":\"2025-03-01T10:00:00Z\",\"channel\":{\"name\":\"email\"}}\n");
        StringWriter said = new StringWriter();
        assertThat(ScaleMain.run(new String[] {"attribute", "--touchpoints", nested.toString(), "--crm", crm.toString(),
                "--model", "linear"}, spark, new PrintWriter(new StringWriter()), new PrintWriter(said, true)))
                .isEqualTo(ScaleMain.INVALID);
        assertThat(said.toString()).contains("nested.jsonl: error: the column 'channel' holds struct");
    }
}
