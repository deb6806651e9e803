package dev.baton.assist.variants;

import dev.baton.model.OperatingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A brief whose message is to be varied per audience segment.
 *
 * @param workType the brief's work type (for the usage log), or null for a brief read from a file
 * @param subject  what the brief is: an item's id, or the file it was read from
 * @param brief    the brief's text: its title and fields, or the file's text
 * @param segments the segments, each named once, in the order given
 */
public record VariantRequest(OperatingModel model, String workType, String subject, String brief, List<String> segments) {

    /** More segments than this is a campaign plan, not a message: one call stays readable and cheap. */
    public static final int MAX_SEGMENTS = 10;
    /** The longest brief sent (characters; the rest is cut): a brief says its message in far less. */
    public static final int MAX_BRIEF = 6_000;

    public VariantRequest {
        if (brief == null || brief.isBlank()) {
            throw new IllegalArgumentException("expected a brief with text, found an empty one");
        }
        brief = brief.strip();
        if (brief.length() > MAX_BRIEF) {
            brief = brief.substring(0, MAX_BRIEF);
        }
        segments = segments(segments);
    }

    /**
     * Segments as a person listed them: blanks dropped, each once (case aside), at least one and
     * at most {@value #MAX_SEGMENTS}.
     *
     * @throws IllegalArgumentException saying what is wrong with the list
     */
    public static List<String> segments(List<String> named) {
        List<String> kept = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String s : named == null ? List.<String>of() : named) {
            String t = s == null ? "" : s.strip();
            if (!t.isEmpty() && !seen.contains(t.toLowerCase(Locale.ROOT))) {
                seen.add(t.toLowerCase(Locale.ROOT));
                kept.add(t);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("expected at least one audience segment, found none");
        }
        if (kept.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException("expected at most " + MAX_SEGMENTS + " audience segments, found "
                    + kept.size());
        }
        return List.copyOf(kept);
    }
}
