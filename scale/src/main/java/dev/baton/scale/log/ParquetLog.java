package dev.baton.scale.log;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event log as Parquet, one row per event, in the schema of docs/scale.md: the JSONL envelope
 * as typed columns (so that Spark SQL, DuckDB or a warehouse can filter by time, stream or type
 * without JSON) and the payload as JSON text in {@code data}. Rows go back to JSONL lines through
 * the engine's own codec, so a Parquet log reads exactly as the JSONL it was written from.
 */
public final class ParquetLog {

    /** The columns, in order; docs/scale.md describes each. */
    public static final StructType SCHEMA = new StructType(new StructField[] {
            DataTypes.createStructField("position", DataTypes.LongType, false),
            DataTypes.createStructField("stream", DataTypes.StringType, false),
            DataTypes.createStructField("version", DataTypes.LongType, false),
            DataTypes.createStructField("at", DataTypes.TimestampType, false),
            DataTypes.createStructField("actor", DataTypes.StringType, true),
            DataTypes.createStructField("workType", DataTypes.StringType, true),
            DataTypes.createStructField("modelVersion", DataTypes.IntegerType, false),
            DataTypes.createStructField("commandId", DataTypes.StringType, true),
            DataTypes.createStructField("type", DataTypes.StringType, false),
            DataTypes.createStructField("data", DataTypes.StringType, false),
            DataTypes.createStructField("id", DataTypes.StringType, true),
            DataTypes.createStructField("batch", DataTypes.StringType, true),
    });

    private static final ThreadLocal<EventCodec> CODEC = ThreadLocal.withInitial(EventCodec::new);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ParquetLog() {
    }

    /**
     * Writes the JSONL log {@code log} as Parquet into the directory {@code out}; refuses an existing
     * {@code out}. Every line is decoded on the way, so a malformed log fails here, not in a reader.
     *
     * @return the number of events written
     */
    public static long write(SparkSession spark, ScaleLog log, String out) {
        JavaRDD<Row> rows = log.lines().map(ParquetLog::row);
        var frame = spark.createDataFrame(rows, SCHEMA).cache();
        try {
            long events = frame.count();
            frame.write().mode(SaveMode.ErrorIfExists).parquet(out);
            return events;
        } finally {
            frame.unpersist();
        }
    }

    static Row row(String line) {
        RecordedEvent e = CODEC.get().decode(line);
        return RowFactory.create(e.position(), e.stream(), e.version(), Timestamp.from(e.at()), e.actor(), e.workType(),
                e.modelVersion(), e.commandId(), e.type(), CODEC.get().payloadJson(e.event()), e.eventId(), e.batch());
    }

    /** The rows of a Parquet log as the JSONL lines they were written from. */
    static JavaRDD<String> lines(SparkSession spark, String path) {
        return spark.read().schema(SCHEMA).parquet(path).javaRDD().map(ParquetLog::line);
    }

    static String line(Row row) {
        Object at = row.get(3);
        Instant instant = at instanceof Instant i ? i : ((Timestamp) at).toInstant();
        EventCodec codec = CODEC.get();
        String type = row.getString(8);
        return codec.encode(new RecordedEvent(row.getLong(0), row.getString(1), row.getLong(2), instant, row.getString(4),
                row.getString(5), row.getInt(6), row.getString(7), codec.payload(type, JSON.readTree(row.getString(9))),
                row.getString(10), row.getString(11)));
    }

    /** A path ending in {@code .parquet}, or a directory of {@code .parquet} files (what Spark writes). */
    static boolean isParquet(SparkSession spark, String path) {
        if (path.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return true;
        }
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(p) || !fs.getFileStatus(p).isDirectory()) {
                return false;
            }
            for (FileStatus child : fs.listStatus(p)) {
                if (child.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
