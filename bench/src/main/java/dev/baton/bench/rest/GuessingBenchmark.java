package dev.baton.bench.rest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What password guessing costs everyone else: one client sends commands with an API token, alone
 * and then while {@code --guessers} connections send wrong passwords at {@code --rate} guesses a
 * second each (default 50 × 10 = 500 guesses/s, to a demo user each, HTTP Basic). A steady rate
 * rather than back-to-back guesses: on one machine, closed-loop guessers answered in microseconds
 * would measure the load generator eating the cores, not what a guess costs the server. Before sign-in throttling every guess cost a bcrypt check and the
 * client's throughput fell from about 1,150 to 72 commands/s; a throttled guess is refused before
 * any password is checked. Prints the client's commands/s and p99 both ways, the guesses' answers
 * and the server's CPU. Loopback only.
 */
public final class GuessingBenchmark {

    private static final java.io.PrintStream OUT = System.out;
    private static final String[] USERS = {"maya", "nora", "sam", "jon", "leo", "ines", "kai", "rita", "grace", "alex"};

    private GuessingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(RestBenchmark.option(args, "--jar", "app/target/baton.jar"));
        int guessers = Integer.parseInt(RestBenchmark.option(args, "--guessers", "50"));
        int seconds = Integer.parseInt(RestBenchmark.option(args, "--seconds", "15"));
        int warmup = Integer.parseInt(RestBenchmark.option(args, "--warmup", "30"));
        int rounds = Integer.parseInt(RestBenchmark.option(args, "--rounds", "3"));
        double rate = Double.parseDouble(RestBenchmark.option(args, "--rate", "10"));
        int port = RestBenchmark.freePort();
        Path data = Files.createTempDirectory("baton-bench-data");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        // --unthrottled: the same server with sign-in throttling off, to see what it protects against.
        boolean unthrottled = java.util.Arrays.asList(args).contains("--unthrottled");
        List<String> command = new ArrayList<>(List.of(RestBenchmark.javaBin()));
        if (unthrottled) {
            command.addAll(List.of("-Dbaton.sign-in.max-failures=1000000000", "-Dbaton.sign-in.max-failures-per-address=1000000000"));
        }
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", Integer.toString(port), "--data", data.toString(),
                "--demo"));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OUT.printf(Locale.ROOT, "sign-in throttling %s; %d guessers at %.0f guesses/s each%n", unthrottled ? "OFF" : "on",
                guessers, rate);
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            RestBenchmark.waitUntilUp(http, base, server, log);
            String token = RestBenchmark.token(http, base);
            RestBenchmark.Client client = RestBenchmark.Client.create(http, base, token, 0);
            RestBenchmark.run(List.of(client), warmup, server.toHandle());
            double[] alone = new double[rounds];
            double[] attacked = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                RestBenchmark.Round quiet = RestBenchmark.run(List.of(client), seconds, server.toHandle());
                alone[r] = quiet.commandsPerSecond();
                Guesses guesses = new Guesses(base, guessers, rate);
                guesses.start();
                RestBenchmark.Round noisy;
                try {
                    noisy = RestBenchmark.run(List.of(client), seconds, server.toHandle());
                } finally {
                    guesses.stop();
                }
                attacked[r] = noisy.commandsPerSecond();
                OUT.printf(Locale.ROOT, "round %d: alone %.0f commands/s (p99 %.2f ms); with %d guessers %.0f commands/s "
                                + "(p99 %.2f ms, server CPU %.2f ms/command); guesses answered 401: %d, 429: %d, other: %d%n",
                        r + 1, quiet.commandsPerSecond(), quiet.p99Millis(), guessers, noisy.commandsPerSecond(),
                        noisy.p99Millis(), noisy.cpuMillisPerCommand(), guesses.unauthorized.get(),
                        guesses.throttled.get(), guesses.other.get());
            }
            OUT.printf(Locale.ROOT, "median: alone %.0f commands/s, with %d guessers %.0f commands/s (ratio %.2f; %d cores, "
                            + "load average %s)%n", RestBenchmark.median(alone), guessers, RestBenchmark.median(attacked),
                    RestBenchmark.median(attacked) / RestBenchmark.median(alone), Runtime.getRuntime().availableProcessors(),
                    RestBenchmark.loadAverage());
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** Connections sending wrong passwords back to back until stopped. */
    static final class Guesses {
        final AtomicLong unauthorized = new AtomicLong();
        final AtomicLong throttled = new AtomicLong();
        final AtomicLong other = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        private final long intervalNanos;

        Guesses(String base, int count, double perSecond) {
            this.intervalNanos = (long) (1e9 / perSecond);
            for (int i = 0; i < count; i++) {
                int number = i;
                Thread thread = new Thread(() -> guess(base, number), "guesser-" + i);
                thread.setDaemon(true);
                threads.add(thread);
            }
        }

        void start() {
            threads.forEach(Thread::start);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }

        private void guess(String base, int number) {
            RestBenchmark.Connection connection = null;
            long n = 0;
            long next = System.nanoTime();
            while (running.get()) {
                // A steady rate per connection, as an attacker elsewhere would send: the same load
                // whatever each answer costs, so its cost to the server is what is compared.
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                next += intervalNanos;
                String user = USERS[(int) ((number + n) % USERS.length)];
                String basic = Base64.getEncoder().encodeToString((user + ":guess-" + number + "-" + n++)
                        .getBytes(StandardCharsets.UTF_8));
                try {
                    if (connection == null) {
                        connection = new RestBenchmark.Connection(base);
                    }
                    RestBenchmark.Connection.Response response = connection.post("/api/v1/tokens",
                            List.of("Authorization: Basic " + basic, "Content-Type: application/json"), "{}");
                    switch (response.status()) {
                        case 401 -> unauthorized.incrementAndGet();
                        case 429 -> throttled.incrementAndGet();
                        default -> other.incrementAndGet();
                    }
                    if (response.closed()) {
                        connection.close();
                        connection = null;
                    }
                } catch (IOException | RuntimeException e) {
                    other.incrementAndGet();
                    if (connection != null) {
                        connection.close();
                        connection = null;
                    }
                }
            }
            if (connection != null) {
                connection.close();
            }
        }
    }
}
