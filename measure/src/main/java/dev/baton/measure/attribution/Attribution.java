package dev.baton.measure.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Multi-touch attribution: which channels of the customer journeys earn the conversions. One entry
 * point, one named variant per model ({@link AttributionModel}); docs/attribution.md defines each.
 * Every result carries the sentence that says how credit was given.
 */
public final class Attribution {

    private static final Map<AttributionModel, CreditModel> MODELS = new EnumMap<>(AttributionModel.class);

    static {
        MODELS.put(AttributionModel.FIRST_TOUCH, new TouchCredit(o -> c -> TouchWeights.firstTouch(),
                o -> "Every conversion and its value go to the first channel of its journey."));
        MODELS.put(AttributionModel.LAST_TOUCH, new TouchCredit(o -> c -> TouchWeights.lastTouch(),
                o -> "Every conversion and its value go to the last channel of its journey."));
        MODELS.put(AttributionModel.LINEAR, new TouchCredit(o -> c -> TouchWeights.linear(),
                o -> "Each conversion is split equally among the touches of its journey, so a channel touched "
                        + "twice gets two shares (ChannelAttribution's linear model)."));
        MODELS.put(AttributionModel.LINEAR_UNIQUE, new TouchCredit(o -> TouchWeights::linearUnique,
                o -> "Each conversion is split equally among the distinct channels of its journey, however often "
                        + "each was touched."));
        MODELS.put(AttributionModel.TIME_DECAY, new TouchCredit(o -> c -> TouchWeights.timeDecay(o.halfLife()),
                o -> String.format(Locale.ROOT, "Each conversion is split among the touches of its journey with a "
                        + "weight that halves every %s touch(es) back from the conversion.", plain(o.halfLife()))));
        MODELS.put(AttributionModel.POSITION_BASED, new TouchCredit(o -> c -> TouchWeights.positionBased(),
                o -> "Each conversion gives 40% to the first touch of its journey, 40% to the last and 20% shared by "
                        + "the touches between (a single touch takes all, two take half each)."));
        MODELS.put(AttributionModel.MARKOV, new MarkovRemoval());
        MODELS.put(AttributionModel.SHAPLEY, new TouchCredit(o -> TouchWeights::linearUnique,
                o -> "Each channel gets its Shapley value when a set of channels is worth the conversions of the "
                        + "journeys with exactly those channels; by Zhao et al.'s closed form that is an equal share "
                        + "of each converting journey per distinct channel in it."));
        MODELS.put(AttributionModel.SHAPLEY_ORDERED, new OrderedShapley());
        MODELS.put(AttributionModel.SHAPLEY_RATE, new RateShapley());
    }

    private Attribution() {
    }

    /**
     * The credit of every channel under {@code model}.
     *
     * @throws IllegalArgumentException when the model cannot be computed for these journeys (a
     *                                  Markov order too high for the channels, too many channels for shapley-rate)
     */
    public static AttributionResult run(AttributionModel model, Journeys journeys, AttributionOptions options) {
        Credit credit = MODELS.get(model).credit(journeys, options);
        List<String> names = journeys.channels();
        List<ChannelCredit> channels = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            channels.add(new ChannelCredit(names.get(c), credit.conversions()[c], credit.values()[c],
                    optional(credit.removalEffects(), c), optional(credit.valueRemovalEffects(), c),
                    credit.positions() == null ? List.of() : Arrays.stream(credit.positions()[c]).boxed().toList()));
        }
        channels.sort(Comparator.comparingDouble(ChannelCredit::conversions).reversed()
                .thenComparing(ChannelCredit::channel));
        return new AttributionResult(model, model == AttributionModel.MARKOV ? options.order() : 1, journeys.rows(),
                journeys.distinctPaths(), journeys.totalConversions(), journeys.totalValue(),
                credit.conversionProbability() == null ? OptionalDouble.empty()
                        : OptionalDouble.of(credit.conversionProbability()),
                channels, credit.explanation(), credit.notes());
    }

    public static AttributionResult firstTouch(Journeys journeys) {
        return run(AttributionModel.FIRST_TOUCH, journeys, AttributionOptions.DEFAULTS);
    }

    public static AttributionResult lastTouch(Journeys journeys) {
        return run(AttributionModel.LAST_TOUCH, journeys, AttributionOptions.DEFAULTS);
    }

    public static AttributionResult linear(Journeys journeys) {
        return run(AttributionModel.LINEAR, journeys, AttributionOptions.DEFAULTS);
    }

    public static AttributionResult linearUnique(Journeys journeys) {
        return run(AttributionModel.LINEAR_UNIQUE, journeys, AttributionOptions.DEFAULTS);
    }

    public static AttributionResult timeDecay(Journeys journeys, double halfLife) {
        return run(AttributionModel.TIME_DECAY, journeys, AttributionOptions.DEFAULTS.withHalfLife(halfLife));
    }

    public static AttributionResult positionBased(Journeys journeys) {
        return run(AttributionModel.POSITION_BASED, journeys, AttributionOptions.DEFAULTS);
    }

    public static AttributionResult markov(Journeys journeys, int order) {
        return run(AttributionModel.MARKOV, journeys, AttributionOptions.DEFAULTS.withOrder(order));
    }

    public static AttributionResult shapley(Journeys journeys) {
        return run(AttributionModel.SHAPLEY, journeys, AttributionOptions.DEFAULTS);
    }

    public static AttributionResult shapleyOrdered(Journeys journeys) {
        return run(AttributionModel.SHAPLEY_ORDERED, journeys, AttributionOptions.DEFAULTS);
    }

    public static AttributionResult shapleyRate(Journeys journeys) {
        return run(AttributionModel.SHAPLEY_RATE, journeys, AttributionOptions.DEFAULTS);
    }

    private static OptionalDouble optional(double[] values, int c) {
        return values == null ? OptionalDouble.empty() : OptionalDouble.of(values[c]);
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
