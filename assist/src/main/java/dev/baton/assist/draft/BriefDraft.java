package dev.baton.assist.draft;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A first draft of a work type's brief: never a change, a proposal the person with the decision
 * right takes, edits or discards.
 *
 * @param fields   the filled fields in the template's order, each with its source
 * @param missing  the template's required fields the draft leaves empty rather than invent them
 * @param basis    what the values rest on
 */
public record BriefDraft(String workType, String template, Map<String, DraftField> fields, List<String> missing,
                         List<Basis> basis) {

    public BriefDraft {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        missing = List.copyOf(missing);
        basis = List.copyOf(basis);
    }

    /** The values alone by field id, as a DraftOffered event records them. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((k, f) -> values.put(k, f.value()));
        return values;
    }
}
