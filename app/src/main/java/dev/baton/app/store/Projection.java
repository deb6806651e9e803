package dev.baton.app.store;

import dev.baton.engine.event.RecordedEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model kept up to date by the events themselves: {@link JdbcEventStore} calls every
 * projection for every appended event inside the append's transaction, so a projection is never
 * behind or ahead of the log. Projections ignore events they do not know.
 */
public interface Projection {

    void apply(JdbcTemplate jdbc, RecordedEvent event);
}
