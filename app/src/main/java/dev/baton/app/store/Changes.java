package dev.baton.app.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL a projection runs for one event: each change is one {@code insert}, {@code update} or
 * {@code delete} with {@code ?} parameters. {@link JdbcEventStore} runs them as data-modifying
 * {@code WITH} parts of the event's insert, so one event costs one round trip to PostgreSQL.
 * Two changes of one event must not touch the same row (one statement sees one snapshot).
 */
public final class Changes {

    record Change(String sql, Object[] args) {
    }

    private final List<Change> list = new ArrayList<>(2);

    public Changes add(String sql, Object... args) {
        list.add(new Change(sql, args));
        return this;
    }

    List<Change> list() {
        return list;
    }
}
