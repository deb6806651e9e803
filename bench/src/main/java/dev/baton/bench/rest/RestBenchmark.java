package dev.baton.bench.rest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands per second and latency through the REST API of a real {@code baton serve} (the packaged
 * jar, its embedded PostgreSQL, started in its own process on a fresh data directory).
 *
 * <p>Each of {@code --clients} clients owns one campaign of the B2B SaaS demo model and sends
 * commands back to back (a closed loop), as an integration would: with an API token, the item's
 * version in {@code If-Match} and a fresh {@code Idempotency-Key}. The mix cycles through
 * comment, update-fields, block and unblock, all decided by the engine and recorded with their
 * projections. After a warm-up, {@code --rounds} measured rounds of {@code --seconds} each are
 * run; the report gives each round and the median of the rounds. The warm-up is long (60 s) because
 * on two busy cores the server's JIT keeps compiling for most of a minute: with 15 s the first
 * rounds measured the compiler (CPU per command fell from 1.2 to 0.4 ms over three rounds).
 *
 * <pre>bench/run-rest [--clients 32] [--seconds 15] [--rounds 3] [--warmup 60] [--jar app/target/baton.jar]</pre>
 */
public final class RestBenchmark {

    private static final PrintStream OUT = System.out;
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    /** One measured round; {@code cpuMillisPerCommand}: CPU used by the server and its PostgreSQL per command. */
    record Round(double commandsPerSecond, double p50Millis, double p99Millis, long commands, long errors,
                 double cpuMillisPerCommand) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(option(args, "--jar", "app/target/baton.jar"));
        int clients = Integer.parseInt(option(args, "--clients", "32"));
        int seconds = Integer.parseInt(option(args, "--seconds", "15"));
        int rounds = Integer.parseInt(option(args, "--rounds", "3"));
        int warmup = Integer.parseInt(option(args, "--warmup", "60"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("rest benchmark: no " + jar + "; build it first (bench/run-rest does)");
            System.exit(2);
        }
        int port = freePort();
        Path data = Files.createTempDirectory("baton-bench-data");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        Process server = new ProcessBuilder(javaBin(), "-jar", jar.toString(), "serve", "--port", Integer.toString(port),
                "--data", data.toString(), "--demo").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            waitUntilUp(http, base, server, log);
            OUT.printf(Locale.ROOT, "baton serve is up on port %d (embedded PostgreSQL in %s)%n", port, data);
            String token = token(http, base);
            List<Client> all = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                all.add(Client.create(http, base, token, i));
            }
            OUT.printf(Locale.ROOT, "%d clients, one campaign each; warm-up %d s%n", clients, warmup);
            run(all, warmup, server.toHandle());
            List<Round> results = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                Round round = run(all, seconds, server.toHandle());
                results.add(round);
                OUT.printf(Locale.ROOT, "round %d: %.0f commands/s, p50 %.2f ms, p99 %.2f ms, server CPU %.2f ms/command "
                                + "(%d commands, %d errors)%n", r, round.commandsPerSecond(), round.p50Millis(),
                        round.p99Millis(), round.cpuMillisPerCommand(), round.commands(), round.errors());
            }
            OUT.printf(Locale.ROOT, "median of %d rounds: %.0f commands/s, p50 %.2f ms, p99 %.2f ms, server CPU %.2f "
                            + "ms/command (Baton + PostgreSQL; %d cores, load average %s)%n", rounds,
                    median(results.stream().mapToDouble(Round::commandsPerSecond).toArray()),
                    median(results.stream().mapToDouble(Round::p50Millis).toArray()),
                    median(results.stream().mapToDouble(Round::p99Millis).toArray()),
                    median(results.stream().mapToDouble(Round::cpuMillisPerCommand).toArray()),
                    Runtime.getRuntime().availableProcessors(), loadAverage());
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** One measured round: every client sends commands back to back for {@code seconds}. */
    static Round run(List<Client> clients, int seconds, ProcessHandle server) throws InterruptedException {
        long cpuBefore = cpuNanos(server);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(clients.size());
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (Client client : clients) {
            long[] mine = new long[2_000_000];
            int[] count = new int[1];
            latencies.add(mine);
            counts.add(count);
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end && count[0] < mine.length) {
                        long t0 = System.nanoTime();
                        boolean ok = client.next();
                        mine[count[0]++] = System.nanoTime() - t0;
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = counts.stream().mapToInt(c -> c[0]).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < latencies.size(); i++) {
            System.arraycopy(latencies.get(i), 0, all, at, counts.get(i)[0]);
            at += counts.get(i)[0];
        }
        Arrays.sort(all);
        double cpuPerCommand = total == 0 ? Double.NaN : (cpuNanos(server) - cpuBefore) / 1e6 / total;
        return new Round(total / elapsed, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, total, errors.get(),
                cpuPerCommand);
    }

    /** CPU time of the server and every process it started (the embedded PostgreSQL and its backends). */
    static long cpuNanos(ProcessHandle server) {
        long nanos = server.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        return nanos + server.descendants().mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A client working one campaign: it keeps the version the server answered and sends it as If-Match. */
    static final class Client {
        private static final String[] MIX = {"comment", "update-fields", "block", "unblock"};

        private final String base;
        private final String token;
        private final String item;
        private final int number;
        private long version;
        private long sent;
        private Connection connection;

        private Client(String base, String token, String item, int number, long version) {
            this.base = base;
            this.token = token;
            this.item = item;
            this.number = number;
            this.version = version;
        }

        static Client create(HttpClient http, String base, String token, int number) throws Exception {
            String item = "bench-campaign-" + number;
            String body = "{\"id\": \"" + item + "\", \"workType\": \"campaign\", \"title\": \"Benchmark campaign "
                    + number + "\", \"fields\": {\"campaign-name\": \"Benchmark " + number + "\", \"objective\": \"Pipeline\", "
                    + "\"segment\": \"Mid-market\", \"primary-metric\": \"pipeline\", \"channel-mix\": [\"email\"], "
                    + "\"start-date\": \"2026-04-01\", \"reach\": 1000, \"impact\": 1, \"confidence\": 50, \"effort\": 2}}";
            HttpResponse<String> created = http.send(post(base + "/api/v1/items", token, body).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("could not create " + item + ": " + created.statusCode() + " "
                        + created.body());
            }
            return new Client(base, token, item, number, etag(created));
        }

        /** Sends the next command of the mix; true when it was recorded. */
        boolean next() {
            String command = MIX[(int) (sent % MIX.length)];
            String body = switch (command) {
                case "comment" -> "{\"text\": \"Status update " + sent + "\"}";
                case "update-fields" -> "{\"fields\": {\"budget\": " + (1000 + sent) + "}}";
                case "block" -> "{\"reason\": \"Waiting for legal\"}";
                default -> "{\"reason\": \"Legal answered\"}";
            };
            sent++;
            try {
                if (connection == null) {
                    connection = new Connection(base);
                }
                Connection.Response response = connection.post("/api/v1/items/" + item + "/" + command, List.of(
                        "Authorization: Bearer " + token, "Content-Type: application/json",
                        "If-Match: \"" + version + "\"",
                        "Idempotency-Key: bench-" + number + "-" + sent + "-" + System.nanoTime()), body);
                if (response.closed()) {
                    connection.close();
                    connection = null;
                }
                if (response.status() == 200 && response.etag() != null) {
                    version = Long.parseLong(response.etag().replace("\"", ""));
                    return true;
                }
                return false;
            } catch (IOException | RuntimeException e) {
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
                return false;
            }
        }
    }

    /**
     * A bare HTTP/1.1 keep-alive connection for the measured commands. The JDK's HttpClient costs
     * about half a millisecond of CPU per request, a third of the machine at these rates; the load
     * generator shares the two cores with the server it measures, so it must be cheap.
     */
    static final class Connection {
        record Response(int status, String etag, boolean closed) {
        }

        private final String host;
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(String base) throws IOException {
            URI uri = URI.create(base);
            host = uri.getHost() + ":" + uri.getPort();
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = new BufferedOutputStream(socket.getOutputStream(), 4096);
        }

        Response post(String path, List<String> headers, String body) throws IOException {
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(512).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append("\r\nContent-Length: ").append(content.length).append("\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("not an HTTP response: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            String etag = null;
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "etag" -> etag = value;
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            // Tomcat closes a keep-alive connection after 100 requests; the answer still counts.
            return new Response(code, etag, close);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    private static HttpRequest.Builder post(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static long etag(HttpResponse<?> response) {
        return Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }

    /** An API token for the demo user nora (Demand Gen lead), who drives campaign briefs. */
    static String token(HttpClient http, String base) throws Exception {
        String basic = Base64.getEncoder().encodeToString("nora:baton-demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"benchmark\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(response.body());
        if (response.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("could not get an API token: " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    static void waitUntilUp(HttpClient http, String base, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("baton serve stopped: " + Files.readString(log));
            }
            try {
                // --demo creates the users just after the port opens: up means the demo user can sign in.
                String basic = Base64.getEncoder().encodeToString("nora:baton-demo".getBytes(StandardCharsets.UTF_8));
                HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                        .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
                if (me.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("baton serve did not answer /api/health within 2 minutes");
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
