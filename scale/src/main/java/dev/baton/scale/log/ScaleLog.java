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
import java.util.Comparator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.Tuple3;

/**
 * An event log on a Hadoop-compatible file system as Spark reads it: Baton's JSONL (plain or
 * gzipped, one file or a directory of parts) or the Parquet that {@link ParquetLog} writes, both as
 * JSONL lines, so that every reader of the single-machine code reads them as it is.
 *
 * <p>{@link #cases} is the one shuffle of every job: the lines of a stream (a case) are brought
 * together by a hash of the stream and sorted by position within each partition (Spark's
 * sort-based shuffle of binary rows, no Java serialization of the lines); each partition's cases
 * are then listed in the order of their first event, as the single-machine reader lists them.
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
        lines = lines.filter((FilterFunction<String>) line -> !line.isBlank());
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
     * The log's cases in {@code partitions} partitions: each case's lines in log order, the cases
     * of a partition in the order of their first events.
     */
    public JavaRDD<LogCase> cases(int partitions) {
        Dataset<Tuple3<String, Long, String>> keyed = lines.map((MapFunction<String, Tuple3<String, Long, String>>) line -> {
            LineKey key = LineKey.of(line);
            return new Tuple3<>(key.stream(), key.position(), line);
        }, Encoders.tuple(Encoders.STRING(), Encoders.LONG(), Encoders.STRING()));
        return keyed.repartition(partitions, functions.col("_1"))
                .sortWithinPartitions(functions.col("_1"), functions.col("_2"))
                .javaRDD()
                .mapPartitions(ScaleLog::casesOf);
    }

    /** Rows sorted by stream and position, as cases ordered by their first event. */
    private static Iterator<LogCase> casesOf(Iterator<Tuple3<String, Long, String>> rows) {
        List<LogCase> cases = new ArrayList<>();
        String stream = null;
        long first = 0;
        List<String> caseLines = null;
        while (rows.hasNext()) {
            Tuple3<String, Long, String> row = rows.next();
            if (!row._1().equals(stream)) {
                if (stream != null) {
                    cases.add(new LogCase(stream, first, caseLines));
                }
                stream = row._1();
                first = row._2();
                caseLines = new ArrayList<>();
            }
            caseLines.add(row._3());
        }
        if (stream != null) {
            cases.add(new LogCase(stream, first, caseLines));
        }
        cases.sort(Comparator.comparingLong(LogCase::first));
        return cases.iterator();
    }

    /** The lines of the cases of one partition, joined as a JSONL text in their order. */
    public static byte[] text(List<LogCase> cases) {
        StringBuilder text = new StringBuilder();
        for (LogCase c : cases) {
            for (String line : c.lines()) {
                text.append(line).append('\n');
            }
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Set<String> retracted(Dataset<String> lines) {
        // A text search as JsonlBatches does: batch events are few, every other line stays undecoded.
        List<String> batchLines = lines.filter((FilterFunction<String>) l -> l.contains("BatchImported")
                || l.contains("ImportRetracted")).collectAsList();
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
     * partition means nothing to the user, so the line itself is quoted instead.
     */
    public static String problem(dev.baton.insight.log.LogFormatException e, byte[] text) {
        String where = "";
        if (e.line() > 0) {
            String[] lines = new String(text, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
            if (e.line() <= lines.length) {
                String line = lines[(int) e.line() - 1];
                where = " (the line " + (line.length() > 80 ? line.substring(0, 80) + "…" : line) + ")";
            }
        }
        return e.file() + ": error: " + e.problem() + where;
    }
}
