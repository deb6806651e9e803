package dev.baton.bench.measure;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Unit-level experiment data in the layout {@code baton experiment analyze --units} reads:
 * {@code experiment,unit,variant,} then per metric its value and its {@code pre_} covariate. Half
 * the metrics are conversions (0/1), half are amounts with two decimals, mostly 0; the pre-period
 * value predicts the post-period one (so CUPED has something to remove). Every 100th experiment
 * has a 53/47 split instead of 50/50 (an SRM to find) and every 10th a real 5% lift. The same seed
 * gives the same bytes.
 */
public final class UnitDataGenerator {

    private UnitDataGenerator() {
    }

    /** Writes the file; returns its size in bytes. */
    public static long write(Path file, int experiments, int metrics, long rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder header = new StringBuilder("experiment,unit,variant");
            for (int m = 0; m < metrics; m++) {
                header.append(",m").append(m).append(",pre_m").append(m);
            }
            out.write(header.append('\n').toString().getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[64 + metrics * 32];
            byte[] control = "control".getBytes(StandardCharsets.US_ASCII);
            byte[] treatment = "treatment".getBytes(StandardCharsets.US_ASCII);
            for (long row = 0; row < rows; row++) {
                int e = random.nextInt(experiments);
                double share = e % 100 == 7 ? 0.53 : 0.5;
                boolean treated = random.nextDouble() < share;
                double lift = treated && e % 10 == 3 ? 1.05 : 1.0;
                int p = 0;
                p = text(line, p, "exp-");
                p = digits(line, p, e, 4);
                line[p++] = ',';
                line[p++] = 'u';
                p = digits(line, p, row, 1);
                line[p++] = ',';
                byte[] variant = treated ? treatment : control;
                System.arraycopy(variant, 0, line, p, variant.length);
                p += variant.length;
                for (int m = 0; m < metrics; m++) {
                    line[p++] = ',';
                    if (m < metrics / 2) {
                        boolean before = random.nextDouble() < 0.2;
                        boolean after = random.nextDouble() < (before ? 0.5 : 0.1) * lift;
                        line[p++] = (byte) (after ? '1' : '0');
                        line[p++] = ',';
                        line[p++] = (byte) (before ? '1' : '0');
                    } else {
                        long preCents = random.nextDouble() < 0.6 ? 0 : random.nextLong(10_000);
                        long postCents = Math.max(0, Math.round((0.7 * preCents + random.nextDouble() * 2_000
                                - 500) * lift));
                        p = cents(line, p, postCents);
                        line[p++] = ',';
                        p = cents(line, p, preCents);
                    }
                }
                line[p++] = '\n';
                out.write(line, 0, p);
            }
        }
        return Files.size(file);
    }

    private static int text(byte[] b, int p, String s) {
        for (int i = 0; i < s.length(); i++) {
            b[p++] = (byte) s.charAt(i);
        }
        return p;
    }

    /** {@code value} in decimal, left-padded with zeros to {@code width}. */
    private static int digits(byte[] b, int p, long value, int width) {
        int n = 1;
        for (long v = value / 10; v > 0; v /= 10) {
            n++;
        }
        n = Math.max(n, width);
        for (int i = n - 1; i >= 0; i--) {
            b[p + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return p + n;
    }

    /** Cents as an amount: 0, or units with two decimals (1234 → 12.34). */
    private static int cents(byte[] b, int p, long cents) {
        if (cents == 0) {
            b[p++] = '0';
            return p;
        }
        p = digits(b, p, cents / 100, 1);
        b[p++] = '.';
        return digits(b, p, cents % 100, 2);
    }
}
