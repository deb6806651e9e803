package dev.baton.measure.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Journeys summed by channel sequence into ChannelAttribution's PathData layout
 * ({@code path,total_conversions,total_conversion_value,total_null}, channels separated by
 * {@code " > "}), which {@code baton attribute --paths} reads with its defaults.
 */
public final class PathRows {

    public static final String SEPARATOR = " > ";
    public static final String HEADER = "path,total_conversions,total_conversion_value,total_null";

    private PathRows() {
    }

    /** One row per distinct path, the most frequent first (ties by path), so every run writes the same file. */
    public static List<PathRow> of(List<Journey> journeys) {
        Map<String, double[]> sums = new HashMap<>();
        StringBuilder b = new StringBuilder();
        for (Journey j : journeys) {
            b.setLength(0);
            for (String channel : j.channels()) {
                if (!b.isEmpty()) {
                    b.append(SEPARATOR);
                }
                // A '>' inside a channel's name would split it in two when the path is read back.
                b.append(channel.indexOf('>') < 0 ? channel : channel.replace('>', '-'));
            }
            double[] s = sums.computeIfAbsent(b.toString(), k -> new double[3]);
            if (j.converted()) {
                s[0]++;
                s[1] += j.value();
            } else {
                s[2]++;
            }
        }
        List<PathRow> rows = new ArrayList<>(sums.size());
        sums.forEach((path, s) -> rows.add(new PathRow(path, (long) s[0], s[1], (long) s[2])));
        rows.sort(Comparator.comparingLong((PathRow r) -> -(r.conversions() + r.nulls())).thenComparing(PathRow::path));
        return rows;
    }

    /** Writes the rows as CSV, quoted as PathData is (text in quotes, numbers plain). */
    public static void write(List<PathRow> rows, Writer out) {
        try {
            out.write("\"path\",\"total_conversions\",\"total_conversion_value\",\"total_null\"\n");
            for (PathRow r : rows) {
                out.write('"');
                out.write(r.path().replace("\"", "\"\""));
                out.write("\",");
                out.write(Long.toString(r.conversions()));
                out.write(',');
                out.write(number(r.value()));
                out.write(',');
                out.write(Long.toString(r.nulls()));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value without a trailing {@code .0} or an exponent: {@code 24000}, {@code 0.244}. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
