package dev.baton.app.store;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event store of the server, with every projection registered in this package. */
@Configuration
class StoreConfig {

    @Bean
    JdbcEventStore eventStore(DataSource dataSource, List<Projection> projections) {
        return new JdbcEventStore(dataSource, projections);
    }
}
