package dev.baton.bench.web;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server time of the web app's heaviest pages on a large log: a real {@code baton serve --demo}
 * (the packaged jar, its embedded PostgreSQL) seeded with {@code --items} simulated items (the
 * demo history of 13 weeks, {@code baton.demo.items}), signed in through the form as a demo
 * user. Measures {@code GET /boards/campaign}, {@code GET /boards/asset}, {@code GET /debt} and
 * the home page on loopback, one request at a time, after a warm-up. The server computes the
 * first debt report in the background when it is ready (the first dashboard request waits for
 * it; reported apart); {@code GET /debt after a new event} records a comment through the API
 * before each measured request, so the page is asked for while the log has moved on.
 *
 * <p>{@code --data DIR} keeps the server's data in DIR: a second run on the same DIR skips the
 * seeding (the demo history is loaded only into an empty log) and measures the same log again.
 *
 * <pre>bench/run-pages [--items 100000] [--requests 30] [--warmup 5] [--data DIR] [--jar app/target/baton.jar]</pre>
 */
public final class PagesBenchmark {

    private static final PrintStream OUT = System.out;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COMPUTED = Pattern.compile("computed in (\\d+) ms");

    private PagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(option(args, "--jar", "app/target/baton.jar"));
        int items = Integer.parseInt(option(args, "--items", "100000"));
        int requests = Integer.parseInt(option(args, "--requests", "30"));
        int warmup = Integer.parseInt(option(args, "--warmup", "5"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("pages benchmark: no " + jar + "; build it first (bench/run-pages does)");
            System.exit(2);
        }
        int port = freePort();
        String kept = option(args, "--data", null);
        Path data = kept == null ? Files.createTempDirectory("baton-bench-pages") : Path.of(kept).toAbsolutePath();
        Path log = data.resolveSibling(data.getFileName() + ".log");
        long seeding = System.nanoTime();
        Process server = new ProcessBuilder(javaBin(), "-Xmx6g", "-Dbaton.demo.items=" + items, "-jar", jar.toString(),
                "serve", "--port", Integer.toString(port), "--data", data.toString(), "--demo")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
            waitUntilUp(http, base, server, log);
            OUT.printf(Locale.ROOT, "baton serve --demo is up with %,d simulated items after %.0f s (log: %s)%n", items,
                    (System.nanoTime() - seeding) / 1e9, log);
            Files.readAllLines(log).stream().filter(l -> l.startsWith("Demo: loaded")).forEach(OUT::println);
            signIn(http, base, "nora");
            long first = System.nanoTime();
            String dashboard = get(http, base + "/debt");
            double firstMillis = (System.nanoTime() - first) / 1e6;
            Matcher computed = COMPUTED.matcher(dashboard);
            OUT.printf(Locale.ROOT, "first GET /debt (waits for the first report, started in the background at start-up): %.0f ms%s%n", firstMillis,
                    computed.find() ? " (report " + computed.group(1) + " ms)" : "");
            report("GET /boards/campaign", measure(http, base + "/boards/campaign", warmup, requests, null));
            report("GET /boards/asset", measure(http, base + "/boards/asset", warmup, requests, null));
            report("GET /debt (kept report)", measure(http, base + "/debt", warmup, requests, null));
            report("GET / (home of nora)", measure(http, base + "/", warmup, requests, null));
            Runnable comment = commenter(http, base);
            report("GET /debt after a new event", measure(http, base + "/debt", warmup, requests, comment));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        OUT.printf(Locale.ROOT, "%-26s median %7.1f ms  p90 %7.1f ms  min %7.1f ms  max %7.1f ms  (%d requests)%n", what,
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(0),
                sorted.get(sorted.size() - 1), sorted.size());
    }

    /** Times {@code requests} GETs after {@code warmup} untimed ones; {@code before} (may be null) runs untimed before each. */
    private static List<Double> measure(HttpClient http, String url, int warmup, int requests, Runnable before)
            throws Exception {
        for (int i = 0; i < warmup; i++) {
            get(http, url);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            if (before != null) {
                before.run();
            }
            long start = System.nanoTime();
            get(http, url);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    /** Records a comment on an open campaign through the API (a new event in the log) each time it runs. */
    private static Runnable commenter(HttpClient http, String base) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString("nora:baton-demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"pages benchmark\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(issued.body());
        if (issued.statusCode() != 201 || !token.find()) {
            throw new IllegalStateException("could not get an API token: " + issued.statusCode() + " " + issued.body());
        }
        String bearer = "Bearer " + token.group(1);
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/v1/items?workType=campaign&completed=false&limit=1")).header("Authorization", bearer).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(listed.body());
        if (listed.statusCode() != 200 || !id.find()) {
            throw new IllegalStateException("no open campaign to comment on: " + listed.statusCode());
        }
        URI command = URI.create(base + "/api/v1/items/" + id.group(1) + "/comment");
        int[] n = {0};
        return () -> {
            try {
                HttpResponse<String> done = http.send(HttpRequest.newBuilder(command).header("Authorization", bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Benchmark note " + ++n[0] + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (done.statusCode() != 200) {
                    throw new IllegalStateException("commenting answered " + done.statusCode() + " " + done.body());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static void signIn(HttpClient http, String base, String user) throws Exception {
        Matcher csrf = CSRF.matcher(get(http, base + "/signin"));
        if (!csrf.find()) {
            throw new IllegalStateException("the sign-in page has no CSRF token");
        }
        String form = "username=" + user + "&password=baton-demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("signing in as " + user + " failed: " + response.statusCode() + " " + location);
        }
    }

    static void waitUntilUp(HttpClient http, String base, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(40).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("baton serve stopped; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("baton serve did not come up; see " + log);
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
