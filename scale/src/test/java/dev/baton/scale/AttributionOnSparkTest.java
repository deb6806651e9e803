package dev.baton.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.measure.attribution.Attribution;
import dev.baton.measure.attribution.AttributionJson;
import dev.baton.measure.attribution.AttributionModel;
import dev.baton.measure.attribution.AttributionOptions;
import dev.baton.measure.attribution.PathColumns;
import dev.baton.measure.attribution.PathsCsv;
import dev.baton.scale.attribution.ScaleAttribution;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every attribution model gives on Spark the JSON {@code baton attribute --format json} gives on the same paths. */
class AttributionOnSparkTest {

    @TempDir
    static Path dir;
    static Path paths;
    static SparkSession spark;

    @BeforeAll
    static void generate() throws IOException {
        spark = LocalSpark.get();
        paths = dir.resolve("paths.csv");
        String[] channels = {"search", "social", "email", "events", "display", "partner, EMEA"};
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder("path,total_conversions,total_conversion_value,total_null\n");
        for (int row = 0; row < 4000; row++) {
            int touches = 1 + random.nextInt(5);
            StringBuilder path = new StringBuilder();
            for (int t = 0; t < touches; t++) {
                path.append(t == 0 ? "" : " > ").append(channels[random.nextInt(channels.length)]);
            }
            int conversions = random.nextInt(3);
            csv.append('"').append(path).append("\",").append(conversions).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", conversions * 100 * random.nextDouble())).append(',')
                    .append(random.nextInt(4)).append('\n');
        }
        Files.writeString(paths, csv);
    }

    @Test
    void everyModelEqualsTheSingleMachineResult() throws IOException {
        var journeys = PathsCsv.read(paths, PathColumns.DEFAULTS);
        var onSpark = ScaleAttribution.journeys(spark, paths.toString(), ScaleAttribution.Columns.of(PathColumns.DEFAULTS));
        assertThat(onSpark.rows()).isEqualTo(4000);
        assertThat(onSpark.distinctPaths()).isEqualTo(journeys.distinctPaths());
        for (AttributionModel model : List.of(AttributionModel.values())) {
            AttributionOptions options = model == AttributionModel.MARKOV ? AttributionOptions.DEFAULTS.withOrder(2)
                    : AttributionOptions.DEFAULTS;
            JsonTrees.assertSameReport(AttributionJson.result(Attribution.run(model, onSpark, options)),
                    AttributionJson.result(Attribution.run(model, journeys, options)));
        }
    }

    @Test
    void theCommandWritesTheJsonOfBatonAttribute() throws IOException {
        Path out = dir.resolve("markov.json");
        StringWriter err = new StringWriter();
        int code = ScaleMain.run(new String[] {"attribute", "--paths", paths.toString(), "--model", "markov",
                "--out", out.toString()}, spark, new PrintWriter(new StringWriter()), new PrintWriter(err, true));

        assertThat(code).as(err.toString()).isZero();
        var expected = AttributionJson.result(Attribution.markov(PathsCsv.read(paths, PathColumns.DEFAULTS), 1));
        JsonTrees.assertSame(JsonTrees.JSON.readTree(Files.readString(out)), JsonTrees.JSON.valueToTree(expected), "$");
    }

    @Test
    void badRowsAndBadOptionsAreSaidNotThrown() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "path,total_conversions\na > b,1\nc,many\n");
        StringWriter err = new StringWriter();
        int code = ScaleMain.run(new String[] {"attribute", "--paths", bad.toString(), "--model", "linear"}, spark,
                new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(code).isEqualTo(ScaleMain.INVALID);
        assertThat(err.toString()).contains("column 'total_conversions': expected a number, found 'many'")
                .doesNotContain("Exception");

        StringWriter usage = new StringWriter();
        assertThat(ScaleMain.run(new String[] {"attribute", "--paths", bad.toString(), "--model", "nope"}, spark,
                new PrintWriter(new StringWriter()), new PrintWriter(usage, true))).isEqualTo(ScaleMain.USAGE);
        assertThat(usage.toString()).contains("unknown model 'nope'; expected one of first-touch");
        assertThat(ScaleMain.run(new String[] {"attribute", "--paths"}, null, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))).isEqualTo(ScaleMain.USAGE);
        StringWriter missing = new StringWriter();
        assertThat(ScaleMain.run(new String[] {"attribute", "--paths", dir.resolve("none.csv").toString(), "--model",
                "linear"}, spark, new PrintWriter(new StringWriter()), new PrintWriter(missing, true)))
                .isEqualTo(ScaleMain.INVALID);
        assertThat(missing.toString()).contains("none.csv: error: no such file");
    }
}
