package dev.baton.scale.log;

import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventCodec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * An event log on a Hadoop-compatible file system as Spark reads it: Baton's JSONL (plain or
 * gzipped, one file or a directory of parts) or the Parquet that {@link ParquetLog} writes, both as
 * JSONL lines, so that every reader of the single-machine code reads them as it is.
 *
 * <p>{@link #cases} is the one shuffle of every job: the lines of a stream (a case) are brought
 * together by a hash of the stream and sorted by position within each partition (Spark's
 * sort-based shuffle of binary rows, no Java serialization of the lines); a partition is then read
 * case by case as a stream of JSONL text, never held whole.
 */
public final class ScaleLog implements Serializable {

    private final String name;
    private final transient Dataset<String> lines;
    private final Set<String> retracted;

    private ScaleLog(String name, Dataset<String> lines, Set<String> retracted) {
        this.name = name;
        this.lines = lines;
        this.retracted = retracted;
    }

    /** Reads {@code path}: a directory or file ending in {@code .parquet} is Parquet, anything else JSONL. */
    public static ScaleLog read(SparkSession spark, String path) {
        Dataset<String> lines = ParquetLog.isParquet(spark, path)
                ? spark.createDataset(ParquetLog.lines(spark, path).rdd(), Encoders.STRING())
                : spark.read().textFile(path);
        // Column expressions, not Java lambdas: Spark tests its own text without making Java strings of it.
        lines = lines.filter(functions.length(functions.trim(functions.col("value"))).gt(0));
        return new ScaleLog(path, lines, retracted(lines));
    }

    /** The name the single-machine reader gives the log (the path as given): the process map's {@code log}. */
    public String name() {
        return name;
    }

    public JavaRDD<String> lines() {
        return lines.javaRDD();
    }

    /** Import batches taken back later in the log; their events are not part of the log as it stands. */
    public Set<String> retracted() {
        return retracted;
    }

    /**
     * The log's cases in {@code partitions} partitions, each case's lines in log order (the cases
     * of a partition in no particular order: summaries place a case by its {@link LogCase#first}).
     * The stream and position are cut from the envelope by Spark's own expressions (Baton writes
     * them before {@code data}); a line they do not fit is decoded ({@link LineKey}).
     */
    public JavaRDD<LogCase> cases(int partitions) {
        Column value = functions.col("value");
        Column stream = functions.regexp_extract(value, STREAM, 1);
        Column position = functions.regexp_extract(value, POSITION, 1);
        Column cut = stream.notEqual(functions.lit("")).and(position.notEqual(functions.lit("")));
        Dataset<Row> keyed = lines.select(
                functions.when(cut, stream).otherwise(functions.udf((UDF1<String, String>) l -> LineKey.of(l).stream(),
                        DataTypes.StringType).apply(value)).as("stream"),
                functions.when(cut, position.cast(DataTypes.LongType)).otherwise(functions.udf(
                        (UDF1<String, Long>) l -> LineKey.of(l).position(), DataTypes.LongType).apply(value)).as("position"),
                value);
        return keyed.repartition(partitions, functions.col("stream"))
                .sortWithinPartitions("stream", "position")
                .javaRDD()
                .mapPartitions(ScaleLog::casesOf);
    }

    /** {@code "stream":"…"} among the envelope's keys (no object opened before it), without escapes. */
    private static final String STREAM = "^\\{[^{]*?\"stream\":\"([^\"\\\\]*)\"";
    private static final String POSITION = "^\\{[^{]*?\"position\":([0-9]{1,18})[,}]";

    /** Rows sorted by stream and position, as cases, one at a time. */
    private static Iterator<LogCase> casesOf(Iterator<Row> rows) {
        return new Iterator<>() {
            private Row next = rows.hasNext() ? rows.next() : null;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public LogCase next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                String stream = next.getString(0);
                long first = next.getLong(1);
                List<String> caseLines = new ArrayList<>();
                while (next != null && next.getString(0).equals(stream)) {
                    caseLines.add(next.getString(2));
                    next = rows.hasNext() ? rows.next() : null;
                }
                return new LogCase(stream, first, caseLines);
            }
        };
    }

    /** The lines of cases as one JSONL text, read as it is made (a partition is never copied whole). */
    public static java.io.InputStream text(Iterator<LogCase> cases) {
        return new LinesInputStream(new Iterator<>() {
            private Iterator<String> lines = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!lines.hasNext() && cases.hasNext()) {
                    lines = cases.next().lines().iterator();
                }
                return lines.hasNext();
            }

            @Override
            public String next() {
                hasNext();
                return lines.next();
            }
        });
    }

    private static Set<String> retracted(Dataset<String> lines) {
        // A text search as JsonlBatches does: batch events are few, every other line stays undecoded.
        List<String> batchLines = lines.filter(functions.col("value").contains("BatchImported")
                .or(functions.col("value").contains("ImportRetracted"))).collectAsList();
        ImportBatches batches = new ImportBatches();
        EventCodec codec = new EventCodec();
        for (String line : batchLines) {
            RecordedEvent event;
            try {
                event = codec.decode(line);
            } catch (RuntimeException e) {
                continue; // a malformed line: the case reader reports it with the rest of its stream
            }
            batches.accept(event);
        }
        return new HashSet<>(batches.retracted());
    }

    /**
     * A reader's problem with a partition's text, said about the log: the line number within the
     * partition means nothing to the user, so the problem is said without it.
     */
    public static String problem(dev.baton.insight.log.LogFormatException e) {
        return e.file() + ": error: " + e.problem() + " (in a line of the log; 'baton discover' on the file names it)";
    }
}
