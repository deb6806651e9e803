package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code baton serve} from the packaged jar, as a user starts it: the embedded PostgreSQL comes up
 * from inside the jar, the admin's one-time password is printed once, and data survives a restart.
 */
class ServePackagedJarIT {

    static final Pattern SERVING = Pattern.compile("Baton serves http://localhost:(\\d+)/api/v1");

    record Started(Process process, int port, List<String> lines) {
    }

    static Started serve(Path data) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", PackagedJarIT.JAR.toString(), "serve", "--port", "0", "--data", data.toString(), "--demo")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            lines.add(line);
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                // Keep draining the output so the server never blocks on a full pipe.
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return new Started(process, Integer.parseInt(m.group(1)), lines);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("baton serve did not start: " + String.join("\n", lines));
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("baton serve stops on SIGTERM").isTrue();
    }

    @Test
    void servesFromTheJarAndKeepsItsDataAcrossARestart() throws Exception {
        Path data = dev.baton.app.TestFiles.temporaryFolder("baton-serve-it");
        HttpClient http = HttpClient.newHttpClient();

        Started first = serve(data);
        try {
            assertThat(String.join("\n", first.lines())).contains("created user 'admin' with the one-time password")
                    .contains("Stored examples/b2b-saas.yaml as model version 1").doesNotContain("Exception");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + first.port() + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + first.port() + "/api/v1/items"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("nora:baton-demo".getBytes()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"kept\", \"workType\": \"campaign\", "
                            + "\"title\": \"Survives a restart\", \"fields\": {\"campaign-name\": \"Kept\", "
                            + "\"objective\": \"Pipeline\", \"segment\": \"SMB\", \"primary-metric\": \"pipeline\", "
                            + "\"channel-mix\": [\"email\"], \"start-date\": \"2026-04-01\", \"reach\": 10, "
                            + "\"impact\": 1, \"confidence\": 50, \"effort\": 1}}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        } finally {
            stop(first.process());
        }
        assertThat(data.resolve("pg/PG_VERSION")).exists();

        Started second = serve(data);
        try {
            assertThat(String.join("\n", second.lines())).doesNotContain("one-time password").doesNotContain("Demo: created");
            HttpResponse<String> kept = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + second.port() + "/api/v1/items/kept"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("maya:baton-demo".getBytes()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).contains("\"title\":\"Survives a restart\"").contains("\"modelVersion\":1");
        } finally {
            stop(second.process());
        }
    }
}
