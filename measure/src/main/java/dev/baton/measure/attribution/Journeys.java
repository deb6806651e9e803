package dev.baton.measure.attribution;

import java.util.List;
import java.util.Objects;

/**
 * Customer journeys as the attribution models read them: each distinct path of channels once, with
 * the conversions, conversion value and non-converting journeys (nulls) of every input row that
 * had exactly that path summed. Identical rows are folded on reading, so a million rows that
 * repeat ten thousand paths cost the models ten thousand paths. Channels are numbered by
 * {@link #channels()}; a path keeps repeated touches ({@code a > a > b}) as they were recorded.
 */
public final class Journeys implements java.io.Serializable {

    /** One input row: a path of channel names and its outcomes (tests and other readers build these). */
    public record Journey(List<String> channels, double conversions, double value, double nulls) {
        public Journey {
            channels = List.copyOf(channels);
        }

        public Journey(List<String> channels, double conversions) {
            this(channels, conversions, 0, 0);
        }
    }

    private final List<String> channels;
    private final long rows;
    private final boolean nullsKnown;
    /** Touches of path i: {@code touches[starts[i]] … touches[starts[i + 1] - 1]}, channel ids. */
    final int[] touches;
    final int[] starts;
    final double[] conversions;
    final double[] values;
    final double[] nulls;
    private final double totalConversions;
    private final double totalValue;
    private final double totalNulls;

    Journeys(List<String> channels, long rows, boolean nullsKnown, int[] touches, int[] starts,
             double[] conversions, double[] values, double[] nulls) {
        this.channels = List.copyOf(channels);
        this.rows = rows;
        this.nullsKnown = nullsKnown;
        this.touches = touches;
        this.starts = starts;
        this.conversions = conversions;
        this.values = values;
        this.nulls = nulls;
        this.totalConversions = sum(conversions);
        this.totalValue = sum(values);
        this.totalNulls = sum(nulls);
    }

    /** Journeys from rows in memory; the nulls are taken as known. */
    public static Journeys of(List<Journey> journeys) {
        return of(journeys, true);
    }

    /**
     * Journeys from rows in memory.
     *
     * @param nullsKnown false when the source had no count of non-converting journeys (every
     *                   journey then looks converting, which the Markov model must say)
     */
    public static Journeys of(List<Journey> journeys, boolean nullsKnown) {
        JourneysBuilder builder = new JourneysBuilder();
        int[] ids = new int[16];
        for (Journey journey : journeys) {
            Objects.requireNonNull(journey, "journey");
            if (journey.channels().isEmpty()) {
                throw new IllegalArgumentException("a journey needs at least one channel");
            }
            if (ids.length < journey.channels().size()) {
                ids = new int[journey.channels().size()];
            }
            for (int i = 0; i < journey.channels().size(); i++) {
                ids[i] = builder.channel(journey.channels().get(i));
            }
            builder.add(ids, journey.channels().size(), journey.conversions(), journey.value(), journey.nulls());
        }
        return builder.build(journeys.size(), nullsKnown);
    }

    /**
     * The journeys of {@code a} and {@code b} as one: identical paths (by channel names) folded and
     * their outcomes summed, rows added. What reading both sources as one file would give, up to the
     * order of additions (the last digits of a sum); the scale module's Spark jobs read paths per
     * partition and merge them so (docs/scale.md). Neither argument changes.
     */
    public static Journeys merge(Journeys a, Journeys b) {
        JourneysBuilder builder = new JourneysBuilder();
        builder.addAll(a);
        builder.addAll(b);
        return builder.build(a.rows + b.rows, a.nullsKnown && b.nullsKnown);
    }

    /** The channel names; a channel's id is its index here. */
    public List<String> channels() {
        return channels;
    }

    /** Input rows read (before identical paths were folded). */
    public long rows() {
        return rows;
    }

    /** Distinct paths. */
    public int distinctPaths() {
        return conversions.length;
    }

    /** Whether the source counted non-converting journeys; without them every journey seems to convert. */
    public boolean nullsKnown() {
        return nullsKnown;
    }

    public double totalConversions() {
        return totalConversions;
    }

    public double totalValue() {
        return totalValue;
    }

    public double totalNulls() {
        return totalNulls;
    }

    /** The longest path, in touches. */
    int longestPath() {
        int longest = 0;
        for (int i = 0; i + 1 < starts.length; i++) {
            longest = Math.max(longest, starts[i + 1] - starts[i]);
        }
        return longest;
    }

    private static double sum(double[] values) {
        // Kahan: a million small values sum to the same total whatever their order, to the last digits.
        double sum = 0;
        double carry = 0;
        for (double v : values) {
            double y = v - carry;
            double t = sum + y;
            carry = (t - sum) - y;
            sum = t;
        }
        return sum;
    }
}
