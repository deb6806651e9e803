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
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * An event log on a Hadoop-compatible file system as Spark reads it: Baton's JSONL (plain or
 * gzipped, one file or a directory of parts) or the Parquet that {@link ParquetLog} writes, both as
 * JSONL lines, so that every reader of the single-machine code reads them as it is.
 *
 * <p>{@link #cases()} is the one shuffle of every job: the lines of a stream (a case) are brought
 * together, and the cases are range-partitioned in the order of their first event, so partition
 * {@code i} holds cases that come before those of partition {@code i + 1} in the log. Summaries of
 * the partitions merged left to right then equal one pass over the whole log, examples included.
 */
public final class ScaleLog implements Serializable {

    private final String name;
    private final transient JavaRDD<String> lines;
    private final Set<String> retracted;

    private ScaleLog(String name, JavaRDD<String> lines, Set<String> retracted) {
        this.name = name;
        this.lines = lines;
        this.retracted = retracted;
    }

    /** Reads {@code path}: a directory or file ending in {@code .parquet} is Parquet, anything else JSONL. */
    public static ScaleLog read(SparkSession spark, String path) {
        JavaRDD<String> lines = ParquetLog.isParquet(spark, path) ? ParquetLog.lines(spark, path)
                : spark.read().textFile(path).javaRDD();
        lines = lines.filter(line -> !line.isBlank());
        return new ScaleLog(path, lines, retracted(lines));
    }

    /** The name the single-machine reader gives the log (the path as given): the process map's {@code log}. */
    public String name() {
        return name;
    }

    public JavaRDD<String> lines() {
        return lines;
    }

    /** Import batches taken back later in the log; their events are not part of the log as it stands. */
    public Set<String> retracted() {
        return retracted;
    }

    /**
     * The log's lines, stream by stream: each element of a partition is one stream's lines in log
     * order; partitions and the streams in them follow the order of each stream's first event.
     */
    public JavaRDD<List<String>> cases(int partitions) {
        JavaPairRDD<String, Tuple2<Long, String>> keyed = lines.mapToPair(line -> {
            LineKey key = LineKey.of(line);
            return new Tuple2<>(key.stream(), new Tuple2<>(key.position(), line));
        });
        return keyed.groupByKey(partitions)
                .mapToPair(group -> {
                    List<Tuple2<Long, String>> events = new ArrayList<>();
                    group._2().forEach(events::add);
                    events.sort((a, b) -> Long.compare(a._1(), b._1()));
                    List<String> caseLines = new ArrayList<>(events.size());
                    events.forEach(e -> caseLines.add(e._2()));
                    return new Tuple2<>(events.get(0)._1(), caseLines);
                })
                .sortByKey(true, partitions)
                .values();
    }

    /** The lines of the cases of one partition, joined as a JSONL text in log order of first events. */
    public static byte[] text(Iterator<List<String>> cases) {
        StringBuilder text = new StringBuilder();
        while (cases.hasNext()) {
            for (String line : cases.next()) {
                text.append(line).append('\n');
            }
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Set<String> retracted(JavaRDD<String> lines) {
        // A text search as JsonlBatches does: batch events are few, every other line stays undecoded.
        List<String> batchLines = lines.filter(l -> l.contains("BatchImported") || l.contains("ImportRetracted"))
                .collect();
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
