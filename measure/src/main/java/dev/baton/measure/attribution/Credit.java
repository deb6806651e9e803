package dev.baton.measure.attribution;

import java.util.List;

/**
 * A model's answer by channel id, before names and order are put on it. Arrays a model does not
 * compute are null.
 */
record Credit(double[] conversions, double[] values, double[] removalEffects, double[] valueRemovalEffects,
              double[][] positions, Double conversionProbability, String explanation, List<String> notes) {

    static Credit of(double[] conversions, double[] values, String explanation, List<String> notes) {
        return new Credit(conversions, values, null, null, null, null, explanation, notes);
    }
}
