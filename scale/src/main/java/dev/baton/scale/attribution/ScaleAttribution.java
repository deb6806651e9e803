package dev.baton.scale.attribution;

import dev.baton.measure.attribution.Attribution;
import dev.baton.measure.attribution.AttributionModel;
import dev.baton.measure.attribution.AttributionOptions;
import dev.baton.measure.attribution.AttributionResult;
import dev.baton.measure.attribution.Journeys;
import dev.baton.measure.attribution.PathColumns;
import dev.baton.measure.attribution.PathsCsv;
import dev.baton.measure.attribution.PathsFormatException;
import dev.baton.scale.Part;
import dev.baton.scale.ScaleProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * {@code baton attribute --paths} as a Spark job: each partition's rows are read by the
 * single-machine reader ({@link PathsCsv}, the same rules and messages) into {@link Journeys} that
 * fold identical paths; the partitions' journeys are merged ({@link Journeys#merge}) as their tasks
 * finish, so the driver holds one set of distinct paths, never the rows; the model then runs once
 * on the driver, as {@code baton attribute} runs it.
 */
public final class ScaleAttribution {

    /** The columns and separator of the paths file, as {@code baton attribute}'s options name them. */
    public record Columns(String path, String conversions, String value, String nulls, String separator,
                          boolean valueRequired, boolean nullsRequired) implements Serializable {

        public static Columns of(PathColumns c) {
            return new Columns(c.path(), c.conversions(), c.value(), c.nulls(), c.separator(), c.valueRequired(),
                    c.nullsRequired());
        }

        PathColumns toPathColumns() {
            return new PathColumns(path, conversions, value, nulls, separator, valueRequired, nullsRequired);
        }
    }

    private ScaleAttribution() {
    }

    /**
     * The journeys of the paths file (or directory of CSV parts with one header each) at {@code path}.
     *
     * @throws ScaleProblem when the file has problems: the first partition's, as PathsCsv says them
     */
    public static Journeys journeys(SparkSession spark, String path, Columns columns) {
        JavaRDD<String> lines = spark.read().textFile(path).javaRDD();
        List<String> first = lines.take(1);
        if (first.isEmpty()) {
            throw new ScaleProblem(path + ":1:1: error: expected a header line naming the columns (" + columns.path()
                    + ", " + columns.conversions() + ", …), found an empty file");
        }
        String header = first.get(0);
        Part<Journeys> merged = lines.mapPartitions((Iterator<String> rows) ->
                        List.of(read(path, header, rows, columns)).iterator())
                .reduce((a, b) -> Part.merge(a, b, Journeys::merge));
        return merged.orThrow();
    }

    public static AttributionResult run(SparkSession spark, String path, Columns columns, AttributionModel model,
                                        AttributionOptions options) {
        Journeys journeys = journeys(spark, path, columns);
        try {
            return Attribution.run(model, journeys, options);
        } catch (IllegalArgumentException e) {
            throw new ScaleProblem(path + ": error: " + e.getMessage());
        }
    }

    /** One partition's rows, under the file's header (a repeated header, as in a directory of parts, is skipped). */
    static Part<Journeys> read(String name, String header, Iterator<String> rows, Columns columns) throws IOException {
        StringBuilder text = new StringBuilder(header).append('\n');
        while (rows.hasNext()) {
            String row = rows.next();
            if (!row.equals(header)) {
                text.append(row).append('\n');
            }
        }
        try {
            return Part.of(PathsCsv.read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), name,
                    columns.toPathColumns()));
        } catch (PathsFormatException e) {
            return Part.failed(e.getMessage());
        }
    }
}
