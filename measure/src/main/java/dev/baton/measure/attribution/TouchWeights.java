package dev.baton.measure.attribution;

/**
 * How a rule-based model splits one journey's conversion among its touches: weights for the touches
 * {@code touches[from] … touches[from + length - 1]} that add up to 1. A channel's credit is the sum
 * of its touches' weights, so a channel touched twice is credited twice unless the rule says otherwise.
 */
@FunctionalInterface
interface TouchWeights {

    void weigh(int[] touches, int from, int length, double[] weights);

    static TouchWeights firstTouch() {
        return (touches, from, length, weights) -> {
            java.util.Arrays.fill(weights, 0, length, 0);
            weights[0] = 1;
        };
    }

    static TouchWeights lastTouch() {
        return (touches, from, length, weights) -> {
            java.util.Arrays.fill(weights, 0, length, 0);
            weights[length - 1] = 1;
        };
    }

    /** ChannelAttribution's linear: an equal share per touch, repeated touches included. */
    static TouchWeights linear() {
        return (touches, from, length, weights) -> java.util.Arrays.fill(weights, 0, length, 1.0 / length);
    }

    /** An equal share per distinct channel, spread over that channel's touches. */
    static TouchWeights linearUnique(int channels) {
        int[] count = new int[channels];
        return (touches, from, length, weights) -> {
            int distinct = 0;
            for (int i = 0; i < length; i++) {
                if (count[touches[from + i]]++ == 0) {
                    distinct++;
                }
            }
            for (int i = 0; i < length; i++) {
                weights[i] = 1.0 / ((double) distinct * count[touches[from + i]]);
            }
            for (int i = 0; i < length; i++) {
                count[touches[from + i]] = 0;
            }
        };
    }

    /** A touch d touches before the last one weighs 2^(−d / halfLife), normalised per journey. */
    static TouchWeights timeDecay(double halfLife) {
        return (touches, from, length, weights) -> {
            double sum = 0;
            for (int i = 0; i < length; i++) {
                weights[i] = Math.pow(2, -(length - 1 - i) / halfLife);
                sum += weights[i];
            }
            for (int i = 0; i < length; i++) {
                weights[i] /= sum;
            }
        };
    }

    /** 40% first touch, 40% last, 20% shared by the touches between; one touch 100%, two 50/50. */
    static TouchWeights positionBased() {
        return (touches, from, length, weights) -> {
            if (length == 1) {
                weights[0] = 1;
            } else if (length == 2) {
                weights[0] = 0.5;
                weights[1] = 0.5;
            } else {
                java.util.Arrays.fill(weights, 1, length - 1, 0.2 / (length - 2));
                weights[0] = 0.4;
                weights[length - 1] = 0.4;
            }
        };
    }
}
