package dev.baton.engine.event;

/**
 * Something that happened, named in the past tense. The payload only: who, when, which stream,
 * which work type and model version are on the {@link RecordedEvent} envelope. The families are
 * sealed in their own packages ({@code WorkItemEvent}, {@code IntakeEvent}); the event package
 * knows none of them, so storage stays independent of the domain.
 */
public interface BatonEvent {

    /** The stable type name stored with the event: the record's simple name, e.g. {@code StageEntered}. */
    default String type() {
        return getClass().getSimpleName();
    }
}
