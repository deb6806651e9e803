package dev.baton.app.store;

import dev.baton.engine.Engine;
import dev.baton.engine.version.ModelVersions;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine of the server on PostgreSQL: model versions in {@code model_versions}, the event log
 * in {@code events} with every projection of this package updated in the append's transaction.
 */
@Configuration
class StoreConfig {

    @Bean
    ModelVersions modelVersions(JdbcTemplate jdbc, Clock clock) {
        return new ModelVersions(new JdbcModelVersionStore(jdbc), clock);
    }

    @Bean
    JdbcEventStore eventStore(DataSource dataSource, List<Projection> projections) {
        return new JdbcEventStore(dataSource, projections);
    }

    /**
     * Catches up from the whole log when the server starts, then keeps the state of work in memory.
     * After the demo's history is loaded (dev.baton.app.demo), so that it is caught up too.
     */
    @Bean
    @DependsOn("demoHistory")
    Engine engine(JdbcEventStore store, ModelVersions versions, Clock clock) {
        return new Engine(store, versions, clock);
    }
}
