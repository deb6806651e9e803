package dev.baton.bench.web;

import dev.baton.bench.jira.JiraExportGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports through the server: a real {@code baton serve --demo} (the packaged jar, its embedded
 * PostgreSQL, a capped heap) receives a generated Jira export (default 5,000 issues × 20
 * changelog entries, about 48 MB) over HTTP as {@code POST /api/v1/imports}. Measures, on
 * loopback, the preview (read, map, count; nothing stored), the import that stores every event
 * (one transaction), and the same import again (every event already present), and reports
 * events per second and the server's peak resident memory.
 *
 * <pre>bench/run-import-server [--issues 5000] [--entries 20] [--rounds 3] [--jar app/target/baton.jar]</pre>
 */
public final class ImportServerBenchmark {

    private static final PrintStream OUT = System.out;
    private static final Pattern EVENTS = Pattern.compile("\"events\"\\s*:\\s*(\\d+)");
    private static final Pattern READ = Pattern.compile("\"changesRead\"\\s*:\\s*(\\d+)");

    private ImportServerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(PagesBenchmark.option(args, "--jar", "app/target/baton.jar"));
        int issues = Integer.parseInt(PagesBenchmark.option(args, "--issues", "5000"));
        int entries = Integer.parseInt(PagesBenchmark.option(args, "--entries", "20"));
        int rounds = Integer.parseInt(PagesBenchmark.option(args, "--rounds", "3"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("import benchmark: no " + jar + "; build it first (bench/run-import-server does)");
            System.exit(2);
        }
        Path data = Files.createTempDirectory("baton-bench-import");
        Path export = data.resolveSibling(data.getFileName() + "-jira.json");
        JiraExportGenerator.write(export, issues, entries, 42);
        byte[] body = multipart(export);
        OUT.printf(Locale.ROOT, "generated %s: %,d issues × %d changelog entries, %.1f MB%n", export, issues, entries,
                Files.size(export) / 1048576.0);
        int port = PagesBenchmark.freePort();
        Path log = data.resolveSibling(data.getFileName() + ".log");
        Process server = new ProcessBuilder(PagesBenchmark.javaBin(), "-Xmx1g", "-jar", jar.toString(), "serve",
                "--port", Integer.toString(port), "--data", data.toString(), "--demo")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            PagesBenchmark.waitUntilUp(http, base, server, log);
            List<double[]> previews = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                previews.add(post(http, base + "/api/v1/imports/preview", body));
            }
            report("preview (nothing stored)", previews);
            double[] stored = post(http, base + "/api/v1/imports", body);
            report("import (stores every event)", List.of(stored));
            List<double[]> again = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                again.add(post(http, base + "/api/v1/imports", body));
            }
            report("import again (all present)", again);
            OUT.printf(Locale.ROOT, "server peak resident memory (VmHWM, -Xmx1g): %s%n", peakMemory(server.pid()));
        } finally {
            server.destroy();
            server.waitFor();
            Files.deleteIfExists(export);
        }
    }

    /** One request: {millis, events stored or to store, changes read from the export}. */
    private static double[] post(HttpClient http, String url, byte[] body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("grace:baton-demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return new double[] {millis, number(EVENTS, response.body()), number(READ, response.body())};
    }

    private static final String BOUNDARY = "baton-bench-import";

    private static byte[] multipart(Path export) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\njira-json\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + export.getFileName()
                + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(Files.readAllBytes(export));
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static double number(Pattern pattern, String json) {
        Matcher m = pattern.matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The median time of the requests; changes read per second, and new events per second when there are any. */
    private static void report(String what, List<double[]> runs) {
        List<Double> millis = new ArrayList<>();
        runs.forEach(r -> millis.add(r[0]));
        Collections.sort(millis);
        double median = millis.get(millis.size() / 2);
        double[] first = runs.get(0);
        OUT.printf(Locale.ROOT, "%-28s median %,8.0f ms (min %,.0f, max %,.0f; %d requests): %,.0f changes read, "
                        + "%,.0f events new; %,.0f changes/s%s%n", what, median, millis.get(0), millis.get(millis.size() - 1),
                runs.size(), first[2], first[1], first[2] / (median / 1000),
                first[1] > 0 ? String.format(Locale.ROOT, ", %,.0f events/s", first[1] / (median / 1000)) : "");
    }

    private static String peakMemory(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).map(l -> l.substring(6).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
