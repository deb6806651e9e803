package dev.baton.assist.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A work item or an intake request as the log shows it now: what the assistants compare a new
 * request with and copy a draft's values from.
 *
 * @param fields   the values it holds now by field id: for an item, its request's fields overlaid by
 *                 its own (created with, updated, priority inputs), cleared fields left out
 * @param state    an item's current stage; a request's status (submitted, accepted, declined, deferred)
 * @param owner    an item's current owner (null when none); null for a request
 * @param open     an item not completed, a request not yet decided (or deferred)
 * @param link     an item's request, a request's item (null when none)
 * @param creator  who created or submitted it
 */
public record PastWork(String id, Kind kind, String workType, String title, Map<String, Object> fields, String state,
                       String owner, boolean open, String link, String creator, Instant created, Instant last) {

    public enum Kind {
        ITEM("item"), REQUEST("request");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The JSON key and the word a person reads: {@code item}, {@code request}. */
        public String id() {
            return id;
        }
    }

    /** Longest text taken into the embedding: a title and a few descriptive fields say what the work is. */
    private static final int MAX_TEXT = 500;

    /**
     * What the work is about, for embeddings: the title and its descriptive text values (links,
     * dates and numbers say nothing about the topic and are left out), each once.
     */
    public String text() {
        Set<String> parts = new LinkedHashSet<>();
        if (title != null && !title.isBlank()) {
            parts.add(title.strip());
        }
        for (Object value : fields.values()) {
            for (String text : texts(value)) {
                parts.add(text);
            }
        }
        String text = String.join(". ", parts);
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    private static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof String s) {
            String t = s.strip();
            if (!t.isEmpty() && !t.contains("://") && !t.matches("\\d{4}-\\d{2}-\\d{2}.*") && !t.matches("[-+.\\d\\s]+")) {
                texts.add(t);
            }
        } else if (value instanceof List<?> list) {
            List<String> elements = new ArrayList<>();
            for (Object o : list) {
                elements.addAll(texts(o));
            }
            if (!elements.isEmpty()) {
                texts.add(String.join(", ", elements));
            }
        }
        return texts;
    }
}
