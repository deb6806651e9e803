package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreEnvironment() {
        SyncCommand.Jira.environment = System::getenv;
    }

    @Test
    void aMissingTokenIsNamed() {
        SyncCommand.Jira.environment = Map.<String, String>of()::get;
        CliRun run = CliRun.of("sync", "jira", "--url", "http://127.0.0.1:9", "--jql", "project = MKT", "--token-env",
                "JIRA_TOKEN", "--out", dir.resolve("log.jsonl").toString());
        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err()).contains("expected the Jira token in the environment variable JIRA_TOKEN, found it unset");
    }

    @Test
    void syncsASearchIntoTheLogAndKeepsTheCursor() throws Exception {
        byte[] page = Files.readAllBytes(CliRun.ROOT.resolve("exchange/src/test/resources/fixtures/jira-cloud-search-jql.json"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rest/api/2/search", exchange -> {
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
        try {
            SyncCommand.Jira.environment = Map.of("JIRA_TOKEN", "pat-123")::get;
            Path log = dir.resolve("log.jsonl");
            CliRun run = CliRun.of("sync", "jira", "--url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "--jql", "project = MKT", "--token-env", "JIRA_TOKEN", "--out", log.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("Synced 2 issues in 1 pages from http://127.0.0.1:" + server.getAddress().getPort()
                    + ": 15 new events into " + log + "; cursor 2026-03-09T16:00:00Z.\n");
            assertThat(Files.readAllLines(log)).hasSize(16); // 15 events and their batch's BatchImported line
            assertThat(Files.readString(dir.resolve("log.jsonl.jira-sync.json"), StandardCharsets.UTF_8))
                    .contains("\"cursor\":\"2026-03-09T16:00:00Z\"");
        } finally {
            server.stop(0);
        }
    }
}
