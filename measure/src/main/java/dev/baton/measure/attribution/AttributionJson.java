package dev.baton.measure.attribution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An attribution result as JSON (docs/attribution.md): the keys of the stable contract only, and a
 * key that does not apply to the model (removal effects outside Markov, positions outside ordered
 * Shapley) is left out rather than written as null. Maps in key order, for any JSON writer: the CLI,
 * the server and the scale module's Spark jobs write the same shape.
 */
public final class AttributionJson {

    private AttributionJson() {
    }

    public static Map<String, Object> result(AttributionResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", result.model().id());
        json.put("order", result.order());
        json.put("paths", result.paths());
        json.put("totalConversions", result.totalConversions());
        json.put("totalValue", result.totalValue());
        result.conversionProbability().ifPresent(p -> json.put("conversionProbability", p));
        boolean ordered = result.model() == AttributionModel.SHAPLEY_ORDERED;
        json.put("channels", result.channels().stream().map(c -> channel(c, ordered)).toList());
        return json;
    }

    private static Map<String, Object> channel(ChannelCredit credit, boolean ordered) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("channel", credit.channel());
        json.put("conversions", credit.conversions());
        json.put("value", credit.value());
        credit.removalEffect().ifPresent(e -> json.put("removalEffect", e));
        credit.valueRemovalEffect().ifPresent(e -> json.put("valueRemovalEffect", e));
        if (ordered) { // an empty array when nothing converted
            json.put("positions", List.copyOf(credit.positions()));
        }
        return json;
    }
}
