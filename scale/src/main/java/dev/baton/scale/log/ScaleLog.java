package dev.baton.scale.log;

import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventCodec;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.ShuffledRDD;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;
import scala.math.Ordering;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * An event log on a Hadoop-compatible file system as Spark reads it: Baton's JSONL (plain or
 * gzipped, one file or a directory of parts) or the Parquet that {@link ParquetLog} writes, both as
 * JSONL lines, so that every reader of the single-machine code reads them as it is.
 *
 * <p>{@link #cases} is the one shuffle of every job, and the one read of the log. The lines stay
 * the UTF-8 bytes Hadoop read (no Spark rows, no Java strings); each is keyed by a hash of its
 * stream and its position ({@link CaseKey}, cut from the envelope's bytes), partitioned by the hash
 * and sorted within each partition; a partition is then read case by case as a stream of JSONL
 * text, never held whole. Import batch events (found by a byte search, few) are also copied to the
 * head of every partition, so that each knows the retracted batches of the whole log before its
 * first case, without a second read of the log.
 */
public final class ScaleLog implements Serializable {

    private final String name;
    private final transient JavaRDD<byte[]> lines;

    private ScaleLog(String name, JavaRDD<byte[]> lines) {
        this.name = name;
        this.lines = lines;
    }

    /** Reads {@code path}: a directory or file ending in {@code .parquet} is Parquet, anything else JSONL. */
    public static ScaleLog read(SparkSession spark, String path) {
        JavaRDD<byte[]> lines = ParquetLog.isParquet(spark, path)
                ? ParquetLog.lines(spark, path).map(l -> l.getBytes(StandardCharsets.UTF_8))
                : JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .hadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class)
                        .map(t -> Arrays.copyOf(t._2.getBytes(), t._2.getLength())); // Hadoop reuses its Text
        return new ScaleLog(path, lines.filter(l -> !blank(l)));
    }

    /** The name the single-machine reader gives the log (the path as given): the process map's {@code log}. */
    public String name() {
        return name;
    }

    /** The log's lines as Hadoop read them (UTF-8, blank ones out), in the input's partitions: no shuffle. */
    public JavaRDD<byte[]> bytes() {
        return lines;
    }

    public JavaRDD<String> lines() {
        return lines.map(l -> new String(l, StandardCharsets.UTF_8));
    }


    /**
     * The log's cases in {@code partitions} partitions, each case's lines in log order (the cases
     * of a partition in no particular order: summaries place a case by its {@link LogCase#first}).
     * The stream and position are cut from the envelope (Baton writes them before {@code data}); a
     * line they do not fit is decoded ({@link LineKey}). Each partition that the log's batch events
     * exist for starts with them ({@link LogCase#batches}; {@link Partition#of} reads them).
     */
    public JavaRDD<LogCase> cases(int partitions) {
        return cases(partitions, line -> true);
    }

    /**
     * The cases of {@link #activities}: the lines that can be activities of the flow
     * ({@code ItemCreated}, {@code StageEntered}), by their envelopes, before the shuffle — a process
     * map or a conformance check reads nothing else, and most of a log is other events. Lines that
     * cannot be read are kept, for their reader to say; a case is then placed by its first activity,
     * as a reader of the whole log places it.
     */
    public JavaRDD<LogCase> activityCases(int partitions) {
        return cases(partitions, ScaleLog::mayBeActivity);
    }

    private static boolean mayBeActivity(byte[] line) {
        Envelope e = Envelope.of(line);
        return e == null || dev.baton.engine.jsonl.Activities.mayBeActivity(e.type());
    }

    /** {@link #cases} of the lines {@code keep} keeps (batch events always: they say what was taken back). */
    private JavaRDD<LogCase> cases(int partitions, org.apache.spark.api.java.function.Function<byte[], Boolean> keep) {
        JavaPairRDD<CaseKey, byte[]> keyed = lines.flatMapToPair(l -> keyed(l, partitions, keep));
        // The sort-based shuffle of repartitionAndSortWithinPartitions, with Kryo for its records whatever
        // the session's serializer: a registered key and a byte array, a few bytes each beyond the line.
        ClassTag<CaseKey> keyTag = ClassTag$.MODULE$.apply(CaseKey.class);
        ClassTag<byte[]> lineTag = ClassTag$.MODULE$.apply(byte[].class);
        @SuppressWarnings({"unchecked", "rawtypes"})
        ShuffledRDD<CaseKey, byte[], byte[]> shuffled = new ShuffledRDD(keyed.rdd(), new CaseKey.ByStream(partitions),
                keyTag, lineTag, lineTag);
        shuffled.setKeyOrdering(Ordering.comparatorToOrdering(CaseKey.ORDER));
        SparkConf conf = lines.context().getConf().clone().set("spark.kryo.classesToRegister", CaseKey.class.getName());
        shuffled.setSerializer(new KryoSerializer(conf));
        return JavaPairRDD.fromRDD(shuffled, keyTag, lineTag).mapPartitions(ScaleLog::casesOf);
    }

    /** A line under its key; a batch event also once for each partition, to head it. */
    private static Iterator<Tuple2<CaseKey, byte[]>> keyed(byte[] line, int partitions,
                                                          org.apache.spark.api.java.function.Function<byte[], Boolean> keep)
            throws Exception {
        boolean batch = batchEvent(line);
        if (!batch && !keep.call(line)) {
            return java.util.Collections.emptyIterator();
        }
        LineKey key = LineKey.of(line);
        Tuple2<CaseKey, byte[]> own = new Tuple2<>(CaseKey.of(key), line);
        if (!batch) {
            return java.util.List.of(own).iterator();
        }
        List<Tuple2<CaseKey, byte[]>> copies = new ArrayList<>(partitions + 1);
        copies.add(own);
        for (int p = 0; p < partitions; p++) {
            copies.add(new Tuple2<>(new CaseKey(p, key.position(), true), line));
        }
        return copies.iterator();
    }

    /**
     * Lines sorted by stream hash and position, as cases, one at a time. The lines of one hash are
     * usually one stream; when hashes collide, the streams of the run are told apart by the stream
     * each line names, each keeping its lines' order.
     */
    private static Iterator<LogCase> casesOf(Iterator<Tuple2<CaseKey, byte[]>> rows) {
        return new Iterator<>() {
            private Tuple2<CaseKey, byte[]> next = rows.hasNext() ? rows.next() : null;
            private final Deque<LogCase> ready = new ArrayDeque<>(batches());

            /** The batch events at the partition's head, as one case ahead of the others, or none. */
            private List<LogCase> batches() {
                List<byte[]> batchLines = new ArrayList<>();
                long first = next == null ? 0 : next._1.position;
                while (next != null && next._1.batches) {
                    batchLines.add(next._2);
                    next = rows.hasNext() ? rows.next() : null;
                }
                return batchLines.isEmpty() ? List.of() : List.of(new LogCase(LogCase.BATCHES, first, batchLines));
            }

            @Override
            public boolean hasNext() {
                return !ready.isEmpty() || next != null;
            }

            @Override
            public LogCase next() {
                if (ready.isEmpty()) {
                    readRun();
                }
                return ready.removeFirst();
            }

            /** The next run of lines with one stream hash, as its cases. */
            private void readRun() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                int hash = next._1.hash;
                Map<String, LogCase> byStream = new LinkedHashMap<>(2);
                while (next != null && next._1.hash == hash) {
                    String stream = LineKey.of(next._2).stream();
                    long position = next._1.position;
                    byStream.computeIfAbsent(stream, s -> new LogCase(s, position, new ArrayList<>())).lines().add(next._2);
                    next = rows.hasNext() ? rows.next() : null;
                }
                ready.addAll(byStream.values());
            }
        };
    }

    /** The cases, {@code seen} told of each as it is read (a summary notes where each case is in the log). */
    public static Iterator<LogCase> peek(Iterator<LogCase> cases, java.util.function.Consumer<LogCase> seen) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cases.hasNext();
            }

            @Override
            public LogCase next() {
                LogCase c = cases.next();
                seen.accept(c);
                return c;
            }
        };
    }

    /** The lines of cases as one JSONL text, read as it is made (a partition is never copied whole). */
    public static java.io.InputStream text(Iterator<LogCase> cases) {
        return LinesInputStream.ofBytes(new Iterator<>() {
            private Iterator<byte[]> lines = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!lines.hasNext() && cases.hasNext()) {
                    lines = cases.next().lines().iterator();
                }
                return lines.hasNext();
            }

            @Override
            public byte[] next() {
                hasNext();
                return lines.next();
            }
        });
    }


    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** The position of a line's event in the log (as the shuffle keys it). */
    public static long positionOf(byte[] line) {
        return LineKey.of(line).position();
    }

    /** The lines that hold any of {@code texts}: a byte search, so that a reader decodes only those. */
    public static java.util.function.Predicate<byte[]> holding(String... texts) {
        byte[][] bytes = Arrays.stream(texts).map(LineKey::ascii).toArray(byte[][]::new);
        return line -> {
            for (byte[] b : bytes) {
                if (LineKey.indexOf(line, b, 0) >= 0) {
                    return true;
                }
            }
            return false;
        };
    }

    /** A byte search as JsonlBatches' text search: batch events are few, every other line stays undecoded. */
    private static final java.util.function.Predicate<byte[]> BATCH_EVENT = holding("BatchImported", "ImportRetracted");

    private static boolean batchEvent(byte[] line) {
        return BATCH_EVENT.test(line);
    }

    /** A partition's cases and the import batches taken back in the whole log, which its readers leave out. */
    public record Partition(Set<String> retracted, Iterator<LogCase> cases) {

        /** Reads the batch events heading a partition's cases, if any. */
        public static Partition of(Iterator<LogCase> cases) {
            if (!cases.hasNext()) {
                return new Partition(Set.of(), cases);
            }
            LogCase head = cases.next();
            if (head.batches()) {
                return new Partition(ScaleLog.retracted(head), cases);
            }
            Iterator<LogCase> all = new Iterator<>() {
                private LogCase first = head;

                @Override
                public boolean hasNext() {
                    return first != null || cases.hasNext();
                }

                @Override
                public LogCase next() {
                    if (first == null) {
                        return cases.next();
                    }
                    LogCase c = first;
                    first = null;
                    return c;
                }
            };
            return new Partition(Set.of(), all);
        }
    }

    /** Import batches taken back later in the log, from its batch events in log order. */
    public static Set<String> retracted(LogCase batchEvents) {
        return retracted(batchEvents.lines());
    }

    /** Import batches taken back later in the log, from the lines of its batch events in log order. */
    public static Set<String> retracted(List<byte[]> batchEvents) {
        ImportBatches batches = new ImportBatches();
        EventCodec codec = new EventCodec();
        for (byte[] line : batchEvents) {
            RecordedEvent event;
            try {
                event = codec.decode(new String(line, StandardCharsets.UTF_8));
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
