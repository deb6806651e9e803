package dev.baton.measure.experiment;

import static dev.baton.measure.experiment.Figures.close;

import org.junit.jupiter.api.Test;

/** Quantiles and tails against scipy 1.17 (t.ppf, norm.ppf, t.sf), to 1e-10 relative or better. */
class DistributionsTest {

    @Test
    void tQuantilesMatchScipyFromTwoDegreesOfFreedomToTenMillion() {
        double[][] cases = {
                {0.975, 5841.742032093565, 1.9603701569544807},
                {0.975, 3, 3.1824463052837078},
                {0.95, 55.70744914862206, 1.672670057440192},
                {0.975, 2, 4.302652729749462},
                {0.995, 1e7, 2.5758297952037488},
                {0.025, 10, -2.2281388519862753},
                {1e-6, 30, -5.871117120418882},
                {0.999999, 4.5, 31.081356582949844}};
        for (double[] c : cases) {
            close(Distributions.tQuantile(c[0], c[1]), c[2], 1e-10);
        }
    }

    @Test
    void normalQuantilesAndTailsKeepRelativePrecision() {
        close(Distributions.normalQuantile(1e-12), -7.034483825301131, 1e-12);
        close(Distributions.normalQuantile(0.3), -0.5244005127080409, 1e-12);
        close(Distributions.tSf(8, 20), 5.828314135744255e-08, 1e-12);
        close(Distributions.tTwoSided(40, 1000), 1.0478852155173272e-209, 1e-9);
    }
}
