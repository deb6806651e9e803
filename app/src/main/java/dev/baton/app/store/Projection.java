package dev.baton.app.store;

import dev.baton.engine.event.RecordedEvent;

/**
 * A read model kept up to date by the events themselves: {@link JdbcEventStore} asks every
 * projection for the SQL that one event implies and runs it in the same statement as the event's
 * insert, so a projection is never behind or ahead of the log. Projections ignore events they do
 * not know.
 */
public interface Projection {

    /**
     * Adds the changes this event makes to the read model. The event's {@code position} is not
     * known yet (it is 0): the log hands it out in the same statement.
     */
    void changes(RecordedEvent event, Changes changes);
}
