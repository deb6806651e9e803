package dev.baton.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the packaged jar, as an operator's machine does it (out of memory, a power
 * cut of the container): the next start on the same data works without anyone's help, and loses
 * nothing; a killed import leaves nothing behind after the next run, which writes what an
 * uninterrupted run writes.
 */
class CrashRecoveryIT {

    static final Path JAR = Path.of(System.getProperty("baton.jar", "target/baton.jar"));
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final Pattern SERVING = Pattern.compile("Baton serves http://localhost:(\\d+)/api/v1");
    final HttpClient http = HttpClient.newHttpClient();

    record Started(Process process, int port, List<String> lines, long millis) {
    }

    static Started serve(Path data, String... more) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("serve", "--port", "0", "--data", data.toString(), "--demo"));
        arguments.addAll(List.of(more));
        return start(null, List.of(), arguments);
    }

    /**
     * Starts the packaged jar as an operator does and waits until it serves.
     *
     * @param directory the working directory (null: this one)
     * @param jvm       options for the JVM ({@code -Dproperty=value})
     */
    static Started start(Path directory, List<String> jvm, List<String> arguments) throws Exception {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvm);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            lines.add(line);
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return new Started(process, Integer.parseInt(m.group(1)), lines,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        }
        process.destroyForcibly();
        throw new AssertionError("baton serve did not start: " + String.join("\n", lines));
    }

    HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("maya:baton-demo".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Health UP (polled: start-up work finishes after the port opens). */
    String healthUp(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        HttpResponse<String> health;
        do {
            health = get(port, "/api/health");
            if (health.statusCode() == 200) {
                return health.body();
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("health never UP: " + health.body());
    }

    List<String> state(int port) throws Exception {
        List<String> state = new ArrayList<>();
        state.add(healthUp(port));
        for (String path : List.of("/api/v1/items?limit=1000", "/api/v1/approvals", "/api/v1/handoffs",
                "/api/v1/intake/requests", "/api/v1/imports", "/api/v1/events?after=0&limit=100000")) {
            HttpResponse<String> r = get(port, path);
            state.add(path + " " + r.statusCode() + " " + r.body());
        }
        return state;
    }

    @Test
    void aServerKilledWithKill9StartsAgainOnTheSameDataAndLosesNothing() throws Exception {
        Path data = dev.baton.app.TestFiles.temporaryFolder("baton-crash-it");
        Started first = serve(data);
        List<String> before;
        long pgPid;
        try {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + first.port() + "/api/v1/items"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("nora:baton-demo".getBytes()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"before-the-crash\", \"workType\": \"campaign\", "
                            + "\"title\": \"Survives kill -9\", \"fields\": {\"campaign-name\": \"Kept\", "
                            + "\"objective\": \"Pipeline\", \"segment\": \"SMB\", \"primary-metric\": \"pipeline\", "
                            + "\"channel-mix\": [\"email\"], \"start-date\": \"2026-04-01\", \"reach\": 10, "
                            + "\"impact\": 1, \"confidence\": 50, \"effort\": 1}}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            before = state(first.port());
            pgPid = Long.parseLong(Files.readAllLines(data.resolve("pg/postmaster.pid")).get(0).trim());
        } finally {
            first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
            first.process().waitFor(30, TimeUnit.SECONDS);
        }
        // The scenario is real: the killed server's PostgreSQL still runs on the data directory.
        assertThat(ProcessHandle.of(pgPid).map(ProcessHandle::isAlive)).contains(true);

        // The second start also logs as JSON lines, as a log collector wants them.
        Started second = serve(data, "--log-format", "json");
        try {
            var json = tools.jackson.databind.json.JsonMapper.builder().build();
            for (String line : second.lines()) {
                assertThat(json.readTree(line).path("message").asString()).as(line).isNotEmpty();
            }
            String console = String.join("\n", second.lines());
            assertThat(console).contains("A PostgreSQL (pid " + pgPid + ") was left running on " + data.resolve("pg"))
                    .contains("Stopped it").doesNotContain("Exception");
            assertThat(second.millis()).as("start after kill -9, ms").isLessThan(60_000);
            System.out.println("CrashRecoveryIT: first start " + first.millis() + " ms, start after kill -9 "
                    + second.millis() + " ms");
            assertThat(state(second.port())).containsExactlyElementsOf(before);
            assertThat(ProcessHandle.of(pgPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

            // A backup of the running server's data directory reads from its PostgreSQL, and restores.
            Path backup = data.resolve("backup.jsonl.gz");
            Process b = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "backup", "--data", data.toString(), "--out",
                    backup.toString()).redirectErrorStream(true).start();
            String backupOut = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(b.waitFor()).as(backupOut).isZero();
            String events = before.get(0).replaceAll(".*\"events\":(\\d+).*", "$1");
            assertThat(backupOut).contains("(from the running server)").contains(": " + events + " events");
            Path restored = dev.baton.app.TestFiles.temporaryFolder("baton-crash-it-restored").resolve("data");
            Process r = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "restore", backup.toString(), "--data",
                    restored.toString()).redirectErrorStream(true).start();
            String restoreOut = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(r.waitFor()).as(restoreOut).isZero();
            assertThat(restoreOut).contains("Restored").contains(events + " events").doesNotContain("Exception");
        } finally {
            second.process().destroy();
            assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        // A normal stop leaves no PostgreSQL behind.
        assertThat(data.resolve("pg/postmaster.pid")).doesNotExist();
    }

    record Run(int code, String out, String err) {
    }

    static Process startImport(Path tmp, Path csv, Path log) throws IOException {
        return new ProcessBuilder(JAVA, "-Djava.io.tmpdir=" + tmp, "-jar", JAR.toString(), "import", "csv",
                csv.toString(), "--out", log.toString())
                .redirectOutput(tmp.resolveSibling(tmp.getFileName() + ".out").toFile())
                .redirectError(tmp.resolveSibling(tmp.getFileName() + ".err").toFile()).start();
    }

    static Run finish(Process p, Path tmp) throws Exception {
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(tmp.resolveSibling(tmp.getFileName() + ".out")),
                Files.readString(tmp.resolveSibling(tmp.getFileName() + ".err")));
    }

    static List<Path> list(Path dir, String glob) throws IOException {
        List<Path> found = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(found::add);
        }
        return found;
    }

    /** The log without what differs between any two runs: the batch's random id and the time of the import. */
    static List<String> normalised(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        String last = lines.get(lines.size() - 1);
        Matcher batch = Pattern.compile("\"batch\":\"([0-9a-f]+)\"").matcher(last);
        assertThat(batch.find()).as(last).isTrue();
        String id = batch.group(1);
        try (Stream<String> s = lines.stream()) {
            return s.map(l -> l.replace(id, "BATCH"))
                    .map(l -> l.contains("BatchImported") ? l.replaceAll("\"(at|actor|time)\":\"[^\"]*\"", "\"$1\":\"-\"") : l)
                    .toList();
        }
    }

    @Test
    void anImportKilledWithKill9LeavesNothingBehindAfterTheNextRunWhichWritesTheSameLog() throws Exception {
        Path work = dev.baton.app.TestFiles.temporaryFolder("baton-import-crash-it");
        Path csv = work.resolve("big.csv");
        // 600,000 rows of 30,000 cases, interleaved: beyond the sort's memory budget, so it spills to disk.
        try (var w = Files.newBufferedWriter(csv)) {
            w.write("case,activity,timestamp,resource\n");
            String[] activities = {"Brief", "Draft", "Review", "Approve", "Launch"};
            for (int i = 0; i < 600_000; i++) {
                int c = i % 30_000;
                int step = i / 30_000;
                w.write("case-" + c + "," + activities[step % activities.length] + ",2026-01-"
                        + String.format("%02d", 1 + step) + "T" + String.format("%02d", c % 24) + ":00:00Z,person-" + (c % 50) + "\n");
            }
        }
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path out = Files.createDirectories(work.resolve("out"));
        Path log = out.resolve("log.jsonl");

        Process killed = startImport(tmp, csv, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (killed.isAlive() && System.nanoTime() < deadline
                && (list(out, ".log.jsonl.*.partial").isEmpty() || list(tmp, "baton-sort-*").isEmpty())) {
            Thread.sleep(20);
        }
        assertThat(killed.isAlive()).as("the import still runs when its temporary files exist").isTrue();
        killed.destroyForcibly();
        killed.waitFor(30, TimeUnit.SECONDS);
        List<Path> partials = list(out, ".log.jsonl.*.partial");
        List<Path> sorts = list(tmp, "baton-sort-*");
        assertThat(partials).hasSize(1);
        assertThat(sorts).hasSize(1);
        assertThat(log).doesNotExist();

        Run next = finish(startImport(tmp, csv, log), tmp);
        assertThat(next.code()).as(next.err()).isZero();
        assertThat(next.err()).contains("removed 2 temporary file(s) that an interrupted run left behind")
                .contains(partials.get(0).toString()).contains(sorts.get(0).toString()).doesNotContain("Exception");
        assertThat(list(out, ".*.partial")).isEmpty();
        assertThat(list(tmp, "baton-sort-*")).isEmpty();

        Path cleanTmp = Files.createDirectories(work.resolve("tmp2"));
        Path uninterrupted = Files.createDirectories(work.resolve("clean")).resolve("log.jsonl");
        Run clean = finish(startImport(cleanTmp, csv, uninterrupted), cleanTmp);
        assertThat(clean.code()).as(clean.err()).isZero();
        assertThat(clean.err()).doesNotContain("removed");
        List<String> expected = normalised(uninterrupted);
        assertThat(expected).hasSizeGreaterThan(600_000);
        assertThat(normalised(log)).isEqualTo(expected);
    }
}
