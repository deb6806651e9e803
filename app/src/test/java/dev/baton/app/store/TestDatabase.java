package dev.baton.app.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL per test JVM, started by the tests themselves (no manual setup), and a fresh
 * database in it for every caller, migrated by the same Flyway scripts as the server.
 */
public final class TestDatabase {

    private static EmbeddedDatabase server;
    private static final AtomicInteger COUNT = new AtomicInteger();

    private TestDatabase() {
    }

    private static synchronized EmbeddedDatabase server() {
        if (server == null) {
            try {
                server = EmbeddedDatabase.start(Files.createTempDirectory("baton-test-pg"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** The JDBC URL of a new, empty, migrated database. */
    public static String freshUrl() {
        EmbeddedDatabase pg = server();
        String name = "baton_test_" + COUNT.incrementAndGet();
        new org.springframework.jdbc.core.JdbcTemplate(pg.dataSource()).execute("create database " + name);
        String url = pg.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE + "?", "/" + name + "?");
        Flyway.configure().dataSource(dataSource(url)).load().migrate();
        return url;
    }

    /** Points a Spring test server at a new, empty, migrated database of its own. */
    public static void useFreshDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String url = freshUrl();
        registry.add("spring.datasource.url", () -> url);
    }

    public static DataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        return dataSource;
    }
}
