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
            java.nio.file.Path folder;
            try {
                folder = Files.createTempDirectory("baton-test-pg");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Spring keeps up to eight test servers alive (META-INF/spring.properties), and some tests
            // start servers of their own on it: each holds its pool, a listener and its timed jobs' connections.
            server = EmbeddedDatabase.start(folder, note -> { }, 300);
            EmbeddedDatabase started = server;
            // Stop PostgreSQL, then remove its few hundred megabytes of files.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                // PostgreSQL writes its last statistics and WAL while it exits: try again for a moment.
                for (int attempt = 0; attempt < 10 && Files.exists(folder); attempt++) {
                    dev.baton.app.TestFiles.deleteTree(folder);
                    if (Files.exists(folder)) {
                        try {
                            Thread.sleep(300);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
                for (String sibling : new String[]{".log", ".lock"}) {
                    try {
                        Files.deleteIfExists(folder.resolveSibling(folder.getFileName() + sibling));
                    } catch (IOException e) {
                        // left behind: harmless
                    }
                }
            }));
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
        // Every test class has a server of its own, and Spring keeps several alive: small pools keep
        // them within the one PostgreSQL's connections.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "5");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    }

    public static DataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        return dataSource;
    }
}
