package dev.baton.measure.experiment;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini–Hochberg adjusted p-values (step-up false discovery rate control, Benjamini &amp;
 * Hochberg 1995): with the m p-values sorted ascending, p_(i)·m/i, made monotone from the largest
 * down and capped at 1. The same as GrowthBook's {@code adjustPValuesBenjaminiHochberg} and R's
 * {@code p.adjust(method = "BH")}. Optimizely applies this kind of control across metrics and
 * variations; so does {@code baton experiment analyze --units}.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /** The adjusted p-values, in the order given. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        double[] adjusted = new double[m];
        double running = 1;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            double value = Math.min(p[i] * m / (m - rank), 1);
            running = Math.min(running, value);
            adjusted[i] = running;
        }
        return adjusted;
    }
}
