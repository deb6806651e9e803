package dev.baton.scale.outcome;

import dev.baton.measure.crm.CrmProblem;
import dev.baton.scale.ScaleProblem;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Touchpoints kept as a table rather than CSV — Parquet (a warehouse's or Spark's export) or JSON
 * Lines (one object per touch: {@code .jsonl}, {@code .ndjson}, or Spark's {@code .json}) — read as
 * the CSV text with the same columns, so that every touch is read by the same row rules as a CSV file ({@code CrmReader}: the columns by name, the same
 * problems). A column is text, a number, a date or a time: times are written as ISO-8601 instants
 * ({@code 2026-03-02T09:15:00Z}), numbers in plain notation, a missing value as an empty field.
 */
final class TouchpointTables {

    /** The file names read as tables, and the CSV ones read as text. */
    static final String NAMES = "(?i).*\\.(csv(\\.gz)?|parquet|jsonl?(\\.gz)?|ndjson)";

    private TouchpointTables() {
    }

    /** Whether {@code file} is a table (Parquet or JSON Lines) rather than CSV text. */
    static boolean isTable(String file) {
        return isParquet(file) || isJsonLines(file);
    }

    private static boolean isParquet(String file) {
        return file.toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    private static boolean isJsonLines(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        // .json too: Spark writes JSON Lines under that name (part-00000-….json).
        return f.matches(".*\\.(jsonl?|ndjson)(\\.gz)?");
    }

    /**
     * The file's lines as CSV text, the header first (in the first partition), the rows in the
     * file's order: a CSV file as it is, a table written as CSV.
     */
    static JavaRDD<String> text(SparkSession spark, String file) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (!isTable(file)) {
            return jsc.textFile(file);
        }
        Dataset<Row> table = table(spark, file);
        StructType schema = table.schema();
        List<String> columns = new ArrayList<>();
        for (StructField field : schema.fields()) {
            if (field.dataType() instanceof StructType || field.dataType() instanceof ArrayType
                    || field.dataType() instanceof MapType || field.dataType() instanceof BinaryType) {
                throw new ScaleProblem(file + ": error: the column '" + field.name() + "' holds "
                        + field.dataType().simpleString() + "; touchpoint columns hold text, numbers, dates or times");
            }
            if (field.name().equals("_corrupt_record")) {
                throw new ScaleProblem(file + ": error: a line is not a JSON object (one touch per line, e.g. "
                        + "{\"email\":\"ana@acme.com\",\"time\":\"2026-03-02T09:15:00Z\",\"channel\":\"webinar\"})");
            }
            columns.add(field.name());
        }
        String header = Csv.line(columns.toArray());
        JavaRDD<String> rows = table.javaRDD().map(Csv::line);
        return jsc.parallelize(List.of(header), 1).union(rows);
    }

    private static Dataset<Row> table(SparkSession spark, String file) {
        return isParquet(file) ? spark.read().parquet(file) : spark.read().json(file);
    }

    /**
     * A problem as the CLI says it, for a table by its row rather than the line and column of the
     * CSV it was read as (row 1 is the first touch; of JSON Lines, its line).
     */
    static String said(CrmProblem p) {
        if (!isTable(p.file())) {
            return p.format();
        }
        if (p.line() <= 1) {
            return p.file() + ": " + p.message(); // the header: the table's columns
        }
        return p.file() + ":" + (p.line() - 1) + ": " + p.message(); // the message names the column
    }

    /** The file as CSV text for the driver to read again (to say a problem): a table's rows streamed, never held. */
    static InputStream open(SparkSession spark, String file) {
        return dev.baton.scale.log.LinesInputStream.of(text(spark, file).toLocalIterator());
    }

    /** A row as a CSV line (RFC 4180 quoting). */
    static final class Csv implements Serializable {

        private Csv() {
        }

        static String line(Row row) {
            Object[] values = new Object[row.length()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i);
            }
            return line(values);
        }

        static String line(Object[] values) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                String text = text(values[i]);
                if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                    out.append('"').append(text.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(text);
                }
            }
            return out.toString();
        }

        private static String text(Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof java.sql.Timestamp t) {
                return t.toInstant().toString();
            }
            if (value instanceof java.time.Instant t) {
                return t.toString();
            }
            if (value instanceof java.time.LocalDateTime t) {
                return t.toString();
            }
            if (value instanceof Double d) {
                return d.isNaN() || d.isInfinite() ? d.toString() : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            }
            if (value instanceof Float f) {
                return f.isNaN() || f.isInfinite() ? f.toString() : new BigDecimal(f.toString()).stripTrailingZeros().toPlainString();
            }
            if (value instanceof BigDecimal b) {
                return b.stripTrailingZeros().toPlainString();
            }
            return value.toString(); // text, whole numbers, booleans, dates (yyyy-MM-dd)
        }
    }
}
