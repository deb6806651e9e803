package dev.baton.scale;

import dev.baton.scale.log.ScaleLog;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Checks on the paths a command is given, said before any job starts. */
final class Inputs {

    private Inputs() {
    }

    static boolean exists(SparkSession spark, String path) {
        try {
            Path p = new Path(path);
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
        } catch (IOException | IllegalArgumentException e) {
            throw new ScaleProblem(path + ": error: cannot read (" + e.getMessage() + ")");
        }
    }

    static void requireExists(SparkSession spark, String path, String expected) {
        if (!exists(spark, path)) {
            throw new ScaleProblem(path + ": error: no such file (expected " + expected + ")");
        }
    }

    static ScaleLog log(SparkSession spark, String path) {
        requireExists(spark, path, "Baton's JSONL log or its Parquet export");
        return ScaleLog.read(spark, path);
    }

    /** Partitions of the case shuffle: the cluster's default parallelism, at least 2. */
    static int partitions(SparkSession spark) {
        return Math.max(2, spark.sparkContext().defaultParallelism());
    }
}
