package dev.baton.model.compare;

/**
 * One difference between two versions of an operating model, as a person reviewing the change
 * would name it: where ({@code workType}, {@code path} in the validator's notation), what kind of
 * change, the values before and after as the YAML writes them, and a sentence.
 *
 * @param area     what the change is about: work-type, stage, gate, decision-rights, handoff, template,
 *                 person, team, function, component, metric, intake-form, intake (prioritisation),
 *                 debt, model
 * @param workType the work type it belongs to, or null for changes outside work types
 * @param path     where it is in the model ({@code work-types[campaign].stages[qa].sla})
 * @param before   the value before, or null when added
 * @param after    the value after, or null when removed
 */
public record ModelChange(String area, Kind kind, String workType, String path, String before, String after,
                          String sentence) {

    /** Kinds of change; {@code TIGHTENED} and {@code LOOSENED} are service levels that got shorter or longer. */
    public enum Kind {
        ADDED, REMOVED, CHANGED, REORDERED, TIGHTENED, LOOSENED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
