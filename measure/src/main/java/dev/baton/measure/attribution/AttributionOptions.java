package dev.baton.measure.attribution;

/**
 * The parameters some models take.
 *
 * @param order    Markov order k ≥ 1: a state is the last k channels of the journey
 * @param halfLife time-decay: touches back from the conversion after which a touch's weight halves
 */
public record AttributionOptions(int order, double halfLife) {

    public static final AttributionOptions DEFAULTS = new AttributionOptions(1, 1);

    public AttributionOptions {
        if (order < 1) {
            throw new IllegalArgumentException("the Markov order must be 1 or more, found " + order);
        }
        if (!(halfLife > 0) || Double.isInfinite(halfLife)) {
            throw new IllegalArgumentException("the half-life must be a positive number of touches, found " + halfLife);
        }
    }

    public AttributionOptions withOrder(int k) {
        return new AttributionOptions(k, halfLife);
    }

    public AttributionOptions withHalfLife(double touches) {
        return new AttributionOptions(order, touches);
    }
}
