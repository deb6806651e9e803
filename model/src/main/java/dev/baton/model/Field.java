package dev.baton.model;

import java.util.List;

/**
 * One typed field of a template; {@code values} lists the choices of an enum field;
 * {@code description} (optional) says what to fill in, shown under the field on forms.
 */
public record Field(String id, String name, FieldType type, boolean required, List<String> values, String description) {

    /** A field without a description. */
    public Field(String id, String name, FieldType type, boolean required, List<String> values) {
        this(id, name, type, required, values, null);
    }

    /**
     * A date field that says when work starts ({@code start-date}, {@code kickoff}...), not when it
     * is due: every other date field is a due date (boards flag it overdue, post-mortems compare
     * the completion with it).
     */
    public boolean startDate() {
        String lower = id == null ? "" : id.toLowerCase(java.util.Locale.ROOT);
        return type == FieldType.DATE && (lower.contains("start") || lower.contains("begin") || lower.contains("kickoff")
                || lower.contains("kick-off"));
    }

    /** A date field that says when work is due: any date field but a start date. */
    public boolean dueDate() {
        return type == FieldType.DATE && !startDate();
    }
}
