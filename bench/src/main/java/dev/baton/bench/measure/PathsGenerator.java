package dev.baton.bench.measure;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Aggregated path files for the attribution benchmark, in ChannelAttribution's PathData layout.
 * Deterministic by seed: the same arguments write the same bytes.
 */
public final class PathsGenerator {

    static final List<String> CHANNELS = List.of("search", "social", "email", "display", "video", "affiliate",
            "referral", "direct", "podcast", "webinar", "events", "partner");

    private PathsGenerator() {
    }

    /**
     * {@code rows} rows of 1–{@code longest} touches over 12 channels: channels are drawn with
     * falling popularity, a touch repeats the previous channel one time in five, and each row stands
     * for 1–8 journeys whose chance to convert grows with some channels and the journey's length,
     * so that the models have something to tell apart. With a million rows over half are distinct.
     */
    public static void generate(Path file, int rows, int longest, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = new double[CHANNELS.size()];
        double sum = 0;
        for (int c = 0; c < cumulative.length; c++) {
            sum += 1.0 / (c + 2);
            cumulative[c] = sum;
        }
        double[] lift = {0.02, 0.01, 0.04, -0.01, 0.0, 0.03, 0.05, 0.06, -0.02, 0.03, 0.01, 0.02};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("path,total_conversions,total_conversion_value,total_null\n");
            StringBuilder line = new StringBuilder(256);
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                int length = 1 + random.nextInt(longest);
                int previous = -1;
                double p = 0.05 + 0.01 * length;
                for (int t = 0; t < length; t++) {
                    int channel = previous >= 0 && random.nextInt(5) == 0 ? previous : pick(random, cumulative, sum);
                    if (t > 0) {
                        line.append(" > ");
                    }
                    line.append(CHANNELS.get(channel));
                    if (channel != previous) {
                        p += lift[channel];
                    }
                    previous = channel;
                }
                p = Math.max(0.01, Math.min(0.9, p));
                int journeys = 1 + random.nextInt(8);
                int conversions = 0;
                for (int j = 0; j < journeys; j++) {
                    if (random.nextDouble() < p) {
                        conversions++;
                    }
                }
                double value = 0;
                for (int c = 0; c < conversions; c++) {
                    value += Math.exp(3 + 0.5 * random.nextGaussian());
                }
                line.append(',').append(conversions).append(',')
                        .append(String.format(Locale.ROOT, "%.3f", value)).append(',').append(journeys - conversions)
                        .append('\n');
                out.append(line);
            }
        }
    }

    /** PathData repeated {@code times} times (one header): a million rows of real paths from 10,000. */
    public static void repeat(Path pathData, Path file, int times) throws IOException {
        List<String> lines = Files.readAllLines(pathData, StandardCharsets.UTF_8);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(lines.get(0));
            out.write('\n');
            for (int t = 0; t < times; t++) {
                for (String line : lines.subList(1, lines.size())) {
                    out.write(line);
                    out.write('\n');
                }
            }
        }
    }

    private static int pick(SplittableRandom random, double[] cumulative, double sum) {
        double u = random.nextDouble() * sum;
        int c = 0;
        while (cumulative[c] < u) {
            c++;
        }
        return c;
    }
}
