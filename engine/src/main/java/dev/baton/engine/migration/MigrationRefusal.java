package dev.baton.engine.migration;

/**
 * Why one item cannot move to the new model version: a stable reason for programs and a
 * sentence for people. The item stays where it is, under its version.
 */
public record MigrationRefusal(Reason reason, String sentence) {

    public enum Reason {
        /** The item does not run under the version the migration moves from. */
        NOT_AT_VERSION,
        /** Completed items keep the version they were done under. */
        COMPLETED,
        /** A handoff waits to be accepted or rejected; migrating would lose its contract. */
        HANDOFF_PENDING,
        /** The new version has no such work type. */
        WORK_TYPE_MISSING,
        /** The item's stage is not in the new version and the mapping names no stage for it. */
        STAGE_UNMAPPED,
        /** The mapping names a stage the new version's work type does not have. */
        TARGET_STAGE_MISSING,
        /** A field value the new version's template does not accept (a dropped choice, a changed type). */
        FIELD_VALUE_INVALID,
        /** Fields the new version requires before the target stage are empty. */
        REQUIRED_FIELD_MISSING;

        /** The reason as JSON spells it: {@code stage-unmapped}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
