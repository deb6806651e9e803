package dev.baton.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.api.Browserless;
import dev.baton.app.experiment.ExperimentProjection;
import dev.baton.app.imports.BatchProjection;
import dev.baton.app.learning.LearningProjection;
import dev.baton.app.store.EventReplay;
import dev.baton.app.store.IntakeProjection;
import dev.baton.app.store.ItemProjection;
import dev.baton.app.store.JdbcModelVersionStore;
import dev.baton.app.store.TestDatabase;
import dev.baton.engine.version.ModelVersions;
import dev.baton.engine.version.StoredModelVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several servers, one database (docs/cluster.md): two {@code baton serve --db} processes of the
 * packaged jar on one PostgreSQL, driven by clients that each send commands with their own
 * idempotency key to either server and retry with the same key when a connection fails. One
 * server is killed with kill -9 in the middle of the run and started again; then the other is
 * stopped as a rolling restart does. Every acknowledged command is in the log exactly once, the
 * projections are what a replay of the log builds, both servers answer the same state, and a
 * form sign-in on one server is a session on the other.
 */
class TwoServersIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int CLIENTS = 4;
    static final String USER = "nora";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The servers the clients send to, in turn; a killed one stays until the test takes it out. */
    final List<Integer> ports = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    final AtomicInteger failovers = new AtomicInteger();
    final AtomicInteger conflicts = new AtomicInteger();
    /** Clients hold it for reading while a command is under way; the test takes it to pause them. */
    final ReentrantReadWriteLock pause = new ReentrantReadWriteLock();
    final AtomicBoolean stop = new AtomicBoolean();
    final long began = System.nanoTime();

    /** Where the run is, for a reader of the test's output (how long each phase took on this machine). */
    void phase(String what) {
        System.out.printf("TwoServersIT %5.1f s: %s (%d commands acknowledged)%n",
                (System.nanoTime() - began) / 1e9, what, acks.size());
    }

    /** An acknowledged command: its key, the stream and how many events the answer reported. */
    record Ack(String key, String stream, int events, boolean replayed) {
    }

    @Test
    void twoServersShareOneDatabaseAndLoseNothingAcknowledgedWhenOneIsKilledOrRestarted() throws Exception {
        String url = TestDatabase.freshUrl();
        Path work = dev.baton.app.TestFiles.temporaryFolder("baton-two-servers-it");
        // Both start at once: the first start's work (admin, model, demo users) is done by one, then seen by the other.
        CrashRecoveryIT.Started[] b = new CrashRecoveryIT.Started[1];
        Exception[] failed = new Exception[1];
        Thread startB = new Thread(() -> {
            try {
                b[0] = serve(work, "b", url);
            } catch (Exception e) {
                failed[0] = e;
            }
        });
        startB.start();
        CrashRecoveryIT.Started a = serve(work, "a", url);
        startB.join();
        if (failed[0] != null) {
            throw failed[0];
        }
        phase("servers a (" + a.millis() + " ms) and b (" + b[0].millis() + " ms) started");
        CrashRecoveryIT.Started a2 = null;
        List<Thread> clients = new ArrayList<>();
        try {
            ports.add(a.port());
            ports.add(b[0].port());
            assertThat(send(0, "POST", "/api/v1/items", "shared-create", item("shared")).statusCode()).isIn(200, 201);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread t = new Thread(() -> drive(client), "client-" + c);
                t.start();
                clients.add(t);
            }

            // kill -9 of a server with commands under way; the clients carry on with the other
            awaitAcks(30);
            a.process().destroyForcibly();
            assertThat(a.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            phase("a killed with kill -9");
            int killedAt = acks.size();
            // The load balancer's health check takes it out; commands under way on it are sent again to b.
            ports.remove((Integer) a.port());
            a2 = serve(work, "a2", url);
            phase("a started again (" + a2.millis() + " ms)");
            ports.add(a2.port());
            awaitAcks(killedAt + 20);

            // Both servers answer the same state, the log's, and a session begun on one is valid on the other.
            pause.writeLock().lock();
            phase("clients paused");
            try {
                sameStateOnBoth(url, a2.port(), b[0].port());
                Browserless browser = new Browserless(a2.port(), "203.0.113.7");
                assertThat(browser.signIn("maya", "baton-demo")).doesNotContain("signin");
                HttpResponse<String> home = browser.get("http://localhost:" + b[0].port() + "/");
                assertThat(home.statusCode()).as("the home page on the other server, with the session cookie")
                        .isEqualTo(200);
                assertThat(home.body()).containsIgnoringCase("maya");
                HttpResponse<String> anonymous = new Browserless(b[0].port(), "203.0.113.8").get("/");
                assertThat(anonymous.statusCode()).as("without a session").isEqualTo(302);
                // One guessing budget for both: three wrong passwords on one server and two on the other
                // lock the name on both, the right password included.
                for (int i = 0; i < 5; i++) {
                    assertThat(status(i < 3 ? a2.port() : b[0].port(), "sam", "guess-" + i)).isEqualTo(401);
                }
                assertThat(status(a2.port(), "sam", "baton-demo")).as("locked on the first server").isEqualTo(429);
                assertThat(status(b[0].port(), "sam", "baton-demo")).as("and on the second").isEqualTo(429);
            } finally {
                pause.writeLock().unlock();
            }

            // Rolling restart: the other server is stopped normally; commands keep succeeding on the restarted one.
            phase("same state on both servers, session of one valid on the other");
            int stoppedAt = acks.size();
            b[0].process().destroy();
            assertThat(b[0].process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            phase("b stopped");
            ports.remove((Integer) b[0].port());
            awaitAcks(stoppedAt + 20);
            stop.set(true);
            for (Thread t : clients) {
                t.join(TimeUnit.SECONDS.toMillis(60));
                assertThat(t.isAlive()).as(t.getName() + " finished").isFalse();
            }

            phase("clients finished");
            // Every command sent again with its key, now to the server that is left: answered with the
            // first attempt's events, whichever server recorded them (a killed one included), nothing new.
            long before = new JdbcTemplate(TestDatabase.dataSource(url)).queryForObject("select count(*) from events",
                    Long.class);
            for (int c = 0; c < CLIENTS; c++) {
                for (int i = 1; i <= 2; i++) {
                    HttpResponse<String> again = send(0, "POST", "/api/v1/items/" + (i % 2 == 0 ? "client-" + c
                            : "shared") + "/comment", "client-" + c + "-" + i,
                            "{\"text\": \"client-" + c + " says " + i + "\"}");
                    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
                    assertThat(JSON.readTree(again.body()).path("replayed").asBoolean()).as(again.body()).isTrue();
                }
            }
            assertThat(new JdbcTemplate(TestDatabase.dataSource(url)).queryForObject("select count(*) from events",
                    Long.class)).isEqualTo(before);
            exactlyOnce(url);
            projectionsAreAReplayOfTheLog(url);
            sameStateOnBoth(url, a2.port(), a2.port());
            phase("log and projections checked");
            System.out.println("TwoServersIT: " + acks.size() + " commands acknowledged, "
                    + acks.stream().filter(Ack::replayed).count() + " of them answered as a retry of a command "
                    + "recorded before a failure, " + failovers.get() + " sent again after a connection failed, "
                    + conflicts.get() + " answered 409 and sent again");
        } finally {
            stop.set(true);
            for (CrashRecoveryIT.Started s : new CrashRecoveryIT.Started[]{a, b[0], a2}) {
                if (s != null && s.process().isAlive()) {
                    s.process().destroy();
                    s.process().waitFor(60, TimeUnit.SECONDS);
                }
            }
        }
    }

    static CrashRecoveryIT.Started serve(Path work, String name, String url) throws Exception {
        Path dir = java.nio.file.Files.createDirectories(work.resolve(name));
        // Demo users and model, without the demo's simulated quarter: the run is about the clients' commands.
        // The client compiler only and a small heap: three servers start on a machine the clients share.
        return CrashRecoveryIT.start(dir, List.of("-Dbaton.demo.history=false", "-Xmx384m", "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC"),
                List.of("serve", "--port", "0", "--db", url, "--demo"));
    }

    static String item(String id) {
        return "{\"id\": \"" + id + "\", \"workType\": \"campaign\", \"title\": \"Shared by two servers\", "
                + "\"fields\": {\"campaign-name\": \"" + id + "\", \"objective\": \"Pipeline\", \"segment\": \"SMB\", "
                + "\"primary-metric\": \"pipeline\", \"channel-mix\": [\"email\"], \"start-date\": \"2026-04-01\", "
                + "\"reach\": 10, \"impact\": 1, \"confidence\": 50, \"effort\": 1}}";
    }

    /** One client: its own item, then comments on it and on the shared item, until told to stop. */
    void drive(int client) {
        String own = "client-" + client;
        command(client, 0, "/api/v1/items", own + "-create", item(own));
        for (int i = 1; !stop.get(); i++) {
            String target = i % 2 == 0 ? own : "shared";
            command(client, i, "/api/v1/items/" + target + "/comment", own + "-" + i,
                    "{\"text\": \"" + own + " says " + i + "\"}");
            // a steady stream, not a flood: the server starting meanwhile shares the machine's cores
            sleep(250);
        }
    }

    /** Sends until acknowledged, with the same key to whichever server answers. */
    void command(int client, int n, String path, String key, String body) {
        pause.readLock().lock();
        try {
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response;
                try {
                    response = send(client + n + attempt, "POST", path, key, body);
                } catch (IOException e) {
                    failovers.incrementAndGet();
                    sleep(100);
                    continue;
                }
                if (response.statusCode() == 409) {
                    conflicts.incrementAndGet();
                    continue;
                }
                assertThat(response.statusCode()).as(path + " " + response.body()).isIn(200, 201);
                JsonNode answer = JSON.readTree(response.body());
                acks.add(new Ack(key, answer.path("id").asString(), answer.path("events").size(),
                        answer.path("replayed").asBoolean()));
                return;
            }
        } finally {
            pause.readLock().unlock();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    HttpResponse<String> send(int turn, String method, String path, String key, String body) throws IOException {
        List<Integer> now = List.copyOf(ports);
        int port = now.get(Math.floorMod(turn, now.size()));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(USER))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":baton-demo").getBytes());
    }

    void awaitAcks(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (acks.size() < count) {
            assertThat(System.nanoTime()).as("%d commands acknowledged in time, %d so far", count, acks.size())
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Every acknowledged command's events are in the log once, and every comment in the log was acknowledged. */
    void exactlyOnce(String url) {
        JdbcTemplate db = new JdbcTemplate(TestDatabase.dataSource(url));
        for (Ack ack : acks) {
            assertThat(ack.events()).as(ack.key()).isPositive();
            List<String> streams = db.queryForList("select stream from events where command_id = ?", String.class,
                    USER + ":" + ack.key());
            assertThat(streams).as("the events of %s", ack.key()).hasSize(ack.events())
                    .allMatch(ack.stream()::equals);
        }
        long comments = acks.stream().filter(a -> a.key().matches("client-\\d+-\\d+")).count();
        assertThat(db.queryForObject("select count(*) from events where type = 'CommentAdded'", Long.class))
                .as("comments in the log, one per acknowledged comment command").isEqualTo(comments);
        assertThat(db.queryForObject("select count(distinct command_id) from events where command_id like ?",
                Long.class, USER + ":client-%")).isEqualTo(acks.stream().filter(a -> a.key().startsWith("client-")).count());
    }

    static final List<String> PROJECTIONS = List.of("items", "pending_approvals", "pending_handoffs", "intake_requests",
            "import_batches", "post_mortems", "insights", "insight_follow_ups", "model_change_proposals",
            "experiment_results");

    /** The projection tables equal those a replay of the log builds in an empty database (as baton restore does). */
    static void projectionsAreAReplayOfTheLog(String url) throws Exception {
        DataSource source = TestDatabase.dataSource(url);
        JdbcTemplate from = new JdbcTemplate(source);
        String replayUrl = TestDatabase.freshUrl();
        DataSource target = TestDatabase.dataSource(replayUrl);
        JdbcModelVersionStore models = new JdbcModelVersionStore(from);
        JdbcModelVersionStore copy = new JdbcModelVersionStore(new JdbcTemplate(target));
        for (StoredModelVersion v : models.load()) {
            copy.save(v);
        }
        try (Connection c = target.getConnection()) {
            c.setAutoCommit(false);
            EventReplay replay = new EventReplay(c, List.of(new ItemProjection(new ModelVersions(models,
                    Clock.systemUTC())), new IntakeProjection(), new BatchProjection(), new LearningProjection(),
                    new ExperimentProjection()));
            from.query("select position, stream, version, type, actor, at, work_type, model_version, command_id, "
                    + "event_id, batch_id, payload::text as payload from events order by position",
                    (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                try {
                    replay.replay(new EventReplay.StoredEvent(rs.getLong("position"), rs.getString("stream"),
                            rs.getLong("version"), rs.getString("type"), rs.getString("actor"),
                            rs.getTimestamp("at").toInstant(), rs.getString("work_type"), rs.getInt("model_version"),
                            rs.getString("command_id"), rs.getString("event_id"), rs.getString("batch_id"),
                            rs.getString("payload")));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            replay.finish();
            c.commit();
        }
        JdbcTemplate replayed = new JdbcTemplate(target);
        for (String table : PROJECTIONS) {
            String rows = "select to_jsonb(t)::text as row from " + table + " t order by 1";
            List<String> built = replayed.queryForList(rows, String.class);
            assertThat(from.queryForList(rows, String.class)).as(table).isEqualTo(built);
        }
        assertThat(replayed.queryForObject("select count(*) from items", Long.class)).isEqualTo(CLIENTS + 1);
    }

    /** Each test item as both servers answer it (they may take a moment to hear of the last events) and as the log has it. */
    void sameStateOnBoth(String url, int one, int other) throws Exception {
        JdbcTemplate db = new JdbcTemplate(TestDatabase.dataSource(url));
        List<String> items = new ArrayList<>(List.of("shared"));
        for (int c = 0; c < CLIENTS; c++) {
            items.add("client-" + c);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (String id : items) {
            long version = db.queryForObject("select max(version) from events where stream = ?", Long.class, id);
            while (true) {
                JsonNode first = JSON.readTree(get(one, "/api/v1/items/" + id));
                JsonNode second = JSON.readTree(get(other, "/api/v1/items/" + id));
                if (first.equals(second) && first.path("version").asLong() == version) {
                    break;
                }
                assertThat(System.nanoTime()).as("%s: %s on one server, %s on the other, version %d in the log", id,
                        first, second, version).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    /** The status of GET /api/v1/items signed in as {@code user} with {@code password}. */
    int status(int port, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/items"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    String get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(USER)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return response.body();
    }
}
