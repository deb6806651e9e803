package dev.baton.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.outcome.OutcomeImports;
import dev.baton.app.server.Console;
import dev.baton.app.store.ClusterJobs;
import dev.baton.app.store.JdbcEventStore;
import dev.baton.app.store.JdbcModelVersionStore;
import dev.baton.app.store.TestDatabase;
import dev.baton.engine.version.ModelVersions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two servers started together with {@code --demo} on a new database (docs/cluster.md) load the
 * simulated quarter once: one loads it, the other finds the log no longer empty.
 */
class DemoHistoryTogetherIT {

    @Test
    void twoServersStartingTogetherLoadTheQuarterOnce() throws Exception {
        DataSource db = TestDatabase.dataSource(TestDatabase.freshUrl());
        JdbcTemplate jdbc = new JdbcTemplate(db);
        Clock clock = Clock.systemUTC();
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        Callable<Boolean> server = () -> new DemoHistory(true, 40, new JdbcEventStore(db, List.of()),
                new ModelVersions(new JdbcModelVersionStore(jdbc), clock), clock, none.getBeanProvider(Console.class),
                none.getBeanProvider(OutcomeImports.class), new ClusterJobs(db)).loaded();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> started = new ArrayList<>();
        started.add(pool.submit(server));
        started.add(pool.submit(server));
        int loaded = 0;
        for (Future<Boolean> s : started) {
            loaded += s.get(120, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(loaded).as("servers that loaded the quarter").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from model_versions", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from (select stream, version from events "
                + "group by stream, version having count(*) > 1) twice", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(distinct stream) from events", Long.class)).isGreaterThanOrEqualTo(40);
    }
}
