package dev.baton.assist.provider;

import dev.baton.assist.variants.MessageVariant;
import dev.baton.assist.variants.VariantRequest;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Message variants as the JSON schema a model must answer in ({@code {"variants": [{"segment",
 * "headline", "body"}]}}, the segment one of those asked for), and the answer read back: every
 * segment exactly once, a headline and a body each. Anything else is malformed as a whole: all
 * the variants or none.
 */
final class VariantSchema {

    private VariantSchema() {
    }

    static JsonSchema of(VariantRequest request) {
        JsonObjectSchema variant = JsonObjectSchema.builder()
                .addProperty("segment", JsonEnumSchema.builder().description("The audience segment, as named")
                        .enumValues(request.segments()).build())
                .addProperty("headline", JsonStringSchema.builder()
                        .description("The message for this segment in one line (at most about 80 characters)").build())
                .addProperty("body", JsonStringSchema.builder()
                        .description("Two to four sentences carrying the brief's message to this segment").build())
                .required("segment", "headline", "body").additionalProperties(false).build();
        JsonObjectSchema root = JsonObjectSchema.builder()
                .description("One variant of the brief's message per audience segment")
                .addProperty("variants", JsonArraySchema.builder().items(variant).build())
                .required("variants").additionalProperties(false).build();
        return JsonSchema.builder().name("message_variants").rootElement(root).build();
    }

    /**
     * The variants of a model's answer, in the order of the segments asked for.
     *
     * @throws ProviderException (malformed) naming what is wrong
     */
    static List<MessageVariant> read(VariantRequest request, String answer, String source) throws ProviderException {
        JsonNode root;
        try {
            root = TemplateSchema.JSON.readTree(answer == null ? "" : answer);
        } catch (JacksonException e) {
            throw TemplateSchema.malformed("the answer is not JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode list = root == null ? null : root.get("variants");
        if (list == null || !list.isArray()) {
            throw TemplateSchema.malformed("the answer is not a JSON object with a list of variants");
        }
        Map<String, MessageVariant> bySegment = new LinkedHashMap<>();
        for (JsonNode v : list) {
            String segment = text(v, "segment");
            if (!request.segments().contains(segment)) {
                throw TemplateSchema.malformed("a variant for '" + segment + "', which is not one of the segments asked for ("
                        + String.join(", ", request.segments()) + ")");
            }
            if (bySegment.containsKey(segment)) {
                throw TemplateSchema.malformed("two variants for '" + segment + "'");
            }
            bySegment.put(segment, new MessageVariant(segment, text(v, "headline"), text(v, "body"), source));
        }
        List<String> missing = request.segments().stream().filter(s -> !bySegment.containsKey(s)).toList();
        if (!missing.isEmpty()) {
            throw TemplateSchema.malformed("no variant for " + String.join(", ", missing));
        }
        List<MessageVariant> variants = new ArrayList<>();
        request.segments().forEach(s -> variants.add(bySegment.get(s)));
        return variants;
    }

    private static String text(JsonNode variant, String key) throws ProviderException {
        JsonNode v = variant == null || !variant.isObject() ? null : variant.get(key);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            throw TemplateSchema.malformed("a variant without a " + key + " (expected a text, found "
                    + (v == null ? "nothing" : v.toString().length() > 60 ? v.toString().substring(0, 60) + "…" : v) + ")");
        }
        return v.asString().strip();
    }
}
