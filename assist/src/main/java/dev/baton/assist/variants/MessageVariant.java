package dev.baton.assist.variants;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The brief's message for one audience segment: a draft, never a change; the owner of messaging
 * takes, edits or discards it.
 *
 * @param source who wrote it: {@code ai:MODEL}
 */
public record MessageVariant(String segment, String headline, String body, String source) {

    /** The draft's fields, as a DraftOffered event records them. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("segment", segment);
        fields.put("headline", headline);
        fields.put("body", body);
        return fields;
    }
}
