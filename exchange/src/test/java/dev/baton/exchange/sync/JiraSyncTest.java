package dev.baton.exchange.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.exchange.importing.Progress;
import dev.baton.exchange.mapping.ImportMapping;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync against a local server that answers like Jira's REST search: pages of two issues
 * whatever maxResults asks, a 429 with Retry-After, a connection dropped in the middle of a page,
 * and a second run that only asks for what was updated since.
 */
class JiraSyncTest {

    @TempDir
    Path dir;

    HttpServer server;
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> waits = new ArrayList<>();
    /** What to do with the n-th request (0-based): answer normally, or misbehave. */
    volatile Function<Integer, String> script = n -> "ok";
    volatile List<String> issues = new ArrayList<>();
    final ConcurrentLinkedDeque<String> authorizations = new ConcurrentLinkedDeque<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rest/api/2/search", this::search);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void search(HttpExchange exchange) throws IOException {
        int n = requests.size();
        String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        requests.add(query);
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        String action = script.apply(n);
        if (action.equals("429")) {
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.sendResponseHeaders(429, -1);
            exchange.close();
            return;
        }
        if (action.equals("500")) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            return;
        }
        int startAt = Integer.parseInt(param(query, "startAt"));
        List<String> page = issues.subList(Math.min(startAt, issues.size()), Math.min(startAt + 2, issues.size()));
        byte[] body = ("{\"expand\":\"schema,names\",\"startAt\":" + startAt + ",\"maxResults\":2,\"total\":" + issues.size()
                + ",\"issues\":[" + String.join(",", page) + "]}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (action.equals("drop")) {
                out.write(body, 0, body.length / 2);
                out.flush();
                throw new IOException("connection dropped on purpose");
            }
            out.write(body);
        }
    }

    private static String param(String query, String name) {
        for (String part : query.split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** An issue as Jira's search returns it with expand=changelog: created, then moved to "In Progress". */
    static String issue(int i, String updated, String... extraHistories) {
        StringBuilder histories = new StringBuilder("{\"id\":\"" + (5000 + i * 10) + "\",\"author\":{\"accountId\":\"a1\","
                + "\"displayName\":\"Maya Patel\"},\"created\":\"2026-03-0" + (i % 9 + 1) + "T10:00:00.000+0000\",\"items\":["
                + "{\"field\":\"status\",\"fieldtype\":\"jira\",\"from\":\"1\",\"fromString\":\"To Do\",\"to\":\"3\","
                + "\"toString\":\"In Progress\"}]}");
        for (String h : extraHistories) {
            histories.append(',').append(h);
        }
        return "{\"id\":\"" + (10000 + i) + "\",\"key\":\"MKT-" + i + "\",\"fields\":{\"summary\":\"Item " + i + "\","
                + "\"issuetype\":{\"name\":\"Task\"},\"project\":{\"key\":\"MKT\"},\"created\":\"2026-03-0" + (i % 9 + 1)
                + "T09:00:00.000+0000\",\"updated\":\"" + updated + "\",\"status\":{\"name\":\"In Progress\"},\"labels\":[]},"
                + "\"changelog\":{\"startAt\":0,\"maxResults\":100,\"total\":" + (1 + extraHistories.length)
                + ",\"histories\":[" + histories + "]}}";
    }

    private JiraClient client() {
        return new JiraClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "maya@example.com:secret",
                waits::add);
    }

    @Test
    void pagesThroughRateLimitsAndDroppedConnectionsThenSyncsOnlyWhatChanged() throws Exception {
        issues = new ArrayList<>(List.of(issue(1, "2026-03-05T10:00:00.000+0000"), issue(2, "2026-03-06T10:00:00.000+0000"),
                issue(3, "2026-03-07T10:00:00.000+0000"), issue(4, "2026-03-08T10:00:00.000+0000"),
                issue(5, "2026-03-09T10:00:00.000+0000")));
        // 1st request rate-limited, 3rd dropped mid-page.
        script = n -> n == 0 ? "429" : n == 2 ? "drop" : "ok";
        Path state = dir.resolve("jira.sync.json");
        Path log = dir.resolve("log.jsonl");

        JiraSync.Result first = JiraSync.run(client(), "project = MKT ORDER BY created DESC", state, log,
                ImportMapping.NONE, null, Progress.NONE);

        assertThat(first.issues()).isEqualTo(5);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.retries()).isEqualTo(2);
        assertThat(waits).first().isEqualTo(Duration.ofSeconds(7));
        assertThat(requests).extracting(q -> param(q, "startAt")).containsExactly("0", "0", "2", "2", "4");
        assertThat(requests.get(0)).contains("jql=(project = MKT) ORDER BY updated ASC, key ASC");
        assertThat(authorizations).allMatch(a -> a.equals("Basic bWF5YUBleGFtcGxlLmNvbTpzZWNyZXQ="));
        List<RecordedEvent> events = standing(log);
        assertThat(events).hasSize(10);
        assertThat(first.cursor()).isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
        assertThat(SyncState.read(state)).isEqualTo(new SyncState(Instant.parse("2026-03-09T10:00:00Z"), null, 0, null));

        // Later: issue 5 moved on. Jira returns it (and, through the overlap, issue 4 again).
        requests.clear();
        script = n -> "ok";
        issues = new ArrayList<>(List.of(issue(4, "2026-03-08T10:00:00.000+0000"), issue(5, "2026-03-10T12:00:00.000+0000",
                "{\"id\":\"9001\",\"author\":{\"displayName\":\"Sam Lee\"},\"created\":\"2026-03-10T12:00:00.000+0000\","
                        + "\"items\":[{\"field\":\"status\",\"fromString\":\"In Progress\",\"toString\":\"Done\"}]}")));
        JiraSync.Result second = JiraSync.run(client(), "project = MKT ORDER BY created DESC", state, log,
                ImportMapping.NONE, null, Progress.NONE);

        assertThat(requests).singleElement().asString()
                .contains("jql=(project = MKT) AND updated >= \"2026/03/08 10:00\" ORDER BY updated ASC, key ASC");
        assertThat(second.report().eventsWritten()).isEqualTo(1);
        assertThat(second.report().duplicates()).isEqualTo(4);
        assertThat(standing(log)).hasSize(11).last()
                .satisfies(e -> assertThat(e.stream()).isEqualTo("MKT-5"))
                .satisfies(e -> assertThat(e.actor()).isEqualTo("Sam Lee"));
        assertThat(second.cursor()).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
    }

    @Test
    void aRunThatGivesUpImportsNothingAndTheNextOneResumesWhereItStopped() throws Exception {
        issues = new ArrayList<>(List.of(issue(1, "2026-03-05T10:00:00.000+0000"), issue(2, "2026-03-06T10:00:00.000+0000"),
                issue(3, "2026-03-07T10:00:00.000+0000")));
        // The first page comes through, then Jira keeps failing.
        script = n -> n == 0 ? "ok" : "500";
        Path state = dir.resolve("jira.sync.json");
        Path log = dir.resolve("log.jsonl");

        assertThatThrownBy(() -> JiraSync.run(client(), "project = MKT", state, log, ImportMapping.NONE, null, Progress.NONE))
                .isInstanceOf(JiraClient.SyncFailure.class)
                .hasMessageContaining("gave up on /rest/api/2/search (startAt 2) after 6 attempts; the last one got 500 from Jira");
        assertThat(log).doesNotExist();
        assertThat(SyncState.read(state).fetched()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16));

        requests.clear();
        script = n -> "ok";
        JiraSync.Result resumed = JiraSync.run(client(), "project = MKT", state, log, ImportMapping.NONE, null, Progress.NONE);

        assertThat(resumed.resumed()).isTrue();
        assertThat(requests).extracting(q -> param(q, "startAt")).containsExactly("2");
        assertThat(standing(log)).extracting(RecordedEvent::stream).containsOnly("MKT-1", "MKT-2", "MKT-3").hasSize(6);
        assertThat(SyncState.read(state).inProgress()).isFalse();
    }

    @Test
    void aRejectedTokenStopsAtOnce() throws Exception {
        server.removeContext("/rest/api/2/search");
        server.createContext("/rest/api/2/search", exchange -> {
            requests.add("x");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        assertThatThrownBy(() -> JiraSync.run(client(), "project = MKT", dir.resolve("s.json"), dir.resolve("l.jsonl"),
                ImportMapping.NONE, null, Progress.NONE))
                .hasMessageContaining("Jira answered 401").hasMessageContaining("check the token");
        assertThat(requests).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void retryAfterIsReadInSecondsOrAsADate() {
        assertThat(JiraClient.retryAfter("30", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(30));
        assertThat(JiraClient.retryAfter("soon", Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(4));
        assertThat(JiraClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Duration.ofSeconds(4))).isEqualTo(Duration.ZERO);
        assertThat(JiraClient.retryAfter("100000", Duration.ofSeconds(1))).isEqualTo(Duration.ofMinutes(2));
    }

    /** The log's events without the BatchImported line each sync's import writes after its events. */
    private static List<RecordedEvent> standing(java.nio.file.Path log) throws java.io.IOException {
        List<RecordedEvent> events = new java.util.ArrayList<>();
        dev.baton.engine.jsonl.JsonlBatches.readStanding(log, events::add);
        return events;
    }
}
