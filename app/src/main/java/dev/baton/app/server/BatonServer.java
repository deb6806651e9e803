package dev.baton.app.server;

import dev.baton.app.store.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Starts the database (embedded or external), then Spring, and serves until stopped. Every
 * failure a user can cause ends in one line on the console and {@code false}, never a stack trace.
 */
public final class BatonServer {

    private BatonServer() {
    }

    /** Serves until the process is stopped; false when the server could not start. */
    public static boolean run(ServerSettings settings, Console out, Console err) {
        // Before Spring configures logging, libraries log at DEBUG: keep the terminal for what matters.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.zonky")).setLevel(ch.qos.logback.classic.Level.WARN);
        EmbeddedDatabase embedded = null;
        Map<String, Object> properties = new LinkedHashMap<>();
        try {
            if (settings.dbUrl() == null) {
                out.println("Starting the embedded PostgreSQL in " + settings.data().resolve("pg") + " ...");
                embedded = EmbeddedDatabase.start(settings.data().resolve("pg"), out::println);
                properties.put("spring.datasource.url", embedded.jdbcUrl());
            } else {
                checkReachable(settings);
                properties.put("spring.datasource.url", settings.dbUrl());
                if (settings.dbUser() != null) {
                    properties.put("spring.datasource.username", settings.dbUser());
                }
                if (settings.dbPassword() != null) {
                    properties.put("spring.datasource.password", settings.dbPassword());
                }
            }
        } catch (RuntimeException e) {
            err.println("baton: " + e.getMessage());
            return false;
        }
        properties.put("server.port", settings.port());
        // This server's name to PostgreSQL and to the other servers on the same database (docs/cluster.md).
        properties.put("baton.instance", ProcessHandle.current().pid() + "-"
                + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt()));
        // files the server keeps beside the database, e.g. the AI usage log (docs/assist.md)
        properties.put("baton.data", settings.data().toString());
        properties.put("baton.demo", settings.demo());
        // The demo's simulated quarter (dev.baton.app.demo); tests with demo users start without it.
        properties.put("baton.demo.history", settings.demo());
        if (settings.modelSource() != null) {
            properties.put("baton.model.file", settings.modelFile());
            properties.put("baton.model.source", settings.modelSource());
        }
        if (settings.jsonLogs()) {
            // Spring Boot's structured logging: every log line one JSON object (Elastic Common Schema).
            properties.put("logging.structured.format.console", "ecs");
        }
        // Failures are reported below in one line; Spring's own report would repeat them with a stack trace.
        properties.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
        properties.put("logging.level.org.springframework.boot.diagnostics", "OFF");

        SpringApplication application = new SpringApplication(BatonApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setDefaultProperties(properties);
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("console", out));
        ConfigurableApplicationContext context;
        try {
            context = application.run();
        } catch (RuntimeException e) {
            err.println("baton: could not start: " + reason(e, settings));
            if (embedded != null) {
                embedded.close();
            }
            return false;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                stopped.countDown();
            }
        });
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        out.println("Baton serves http://localhost:" + port + "/api/v1 (OpenAPI at /api/docs, health at /api/health)"
                + "; data: " + (embedded != null ? settings.data() : settings.dbUrl()) + "; stop with Ctrl+C");
        out.println("Open http://localhost:" + port + "/ in a browser for the web app.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close();
        }
        if (embedded != null) {
            embedded.close();
        }
        return true;
    }

    private static void checkReachable(ServerSettings settings) {
        DriverManager.setLoginTimeout(10);
        try (Connection ignored = DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword())) {
            // reachable, and the credentials work
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to PostgreSQL at " + settings.dbUrl() + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** The innermost cause a user can act on, in one line. */
    static String reason(Throwable failure, ServerSettings settings) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PortInUseException p) {
                return "port " + p.getPort() + " is in use; stop what runs there or choose another with --port";
            }
            if (t instanceof SQLException s) {
                return "the database failed: " + firstLine(s.getMessage());
            }
            if (t.getClass().getName().startsWith("org.flywaydb")) {
                return "the database schema could not be migrated: " + firstLine(t.getMessage());
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return firstLine(root.toString());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
