package dev.baton.exchange.sync;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * Jira's REST search ({@code /rest/api/2/search} with {@code expand=changelog}) with the retries
 * a long sync needs: on 429 it waits as long as {@code Retry-After} says (else backs off
 * exponentially), on 5xx, a dropped connection or a page cut short it backs off and asks again.
 * 401 and 403 stop at once: a wrong token does not get better by asking again.
 */
public final class JiraClient {

    /** Waits between attempts; tests pass one that only records the waits. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A request that failed for good, with what happened. */
    public static final class SyncFailure extends IOException {
        public SyncFailure(String message) {
            super(message);
        }
    }

    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofMinutes(2);

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final Sleeper sleeper;
    private int retries;

    /**
     * @param token an API token: {@code email:token} is sent as Basic (Jira Cloud), anything else
     *              as a Bearer personal access token (Server, Data Center)
     */
    public JiraClient(URI base, String token, Sleeper sleeper) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        this.base = URI.create(base.toString().replaceFirst("/+$", "") + "/");
        this.authorization = token.contains(":")
                ? "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))
                : "Bearer " + token;
        this.sleeper = sleeper;
    }

    /** Retries made so far (429, 5xx, dropped connections, pages cut short). */
    public int retries() {
        return retries;
    }

    /**
     * One page of search results, checked by {@code complete} (a page that does not parse is asked
     * for again).
     */
    public byte[] search(String jql, int startAt, int maxResults, Predicate<byte[]> complete) throws IOException {
        URI uri = base.resolve("rest/api/2/search?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8)
                + "&startAt=" + startAt + "&maxResults=" + maxResults + "&expand=changelog&fields=*navigable");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .header("Authorization", authorization).header("Accept", "application/json").GET().build();
        Duration backoff = FIRST_BACKOFF;
        String last = "";
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Duration wait;
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200) {
                    if (complete.test(response.body())) {
                        return response.body();
                    }
                    last = "a page that ends in the middle (" + response.body().length + " bytes)";
                    wait = backoff;
                } else if (status == 401 || status == 403) {
                    throw new SyncFailure("Jira answered " + status + " to " + uri.getPath()
                            + ": check the token (email:api-token for Jira Cloud, a personal access token otherwise)");
                } else if (status == 429) {
                    last = "429 Too Many Requests";
                    wait = retryAfter(response.headers().firstValue("Retry-After").orElse(null), backoff);
                } else if (status >= 500) {
                    last = status + " from Jira";
                    wait = backoff;
                } else {
                    throw new SyncFailure("Jira answered " + status + " to " + uri.getPath() + "?" + uri.getRawQuery()
                            + ": " + new String(response.body(), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
                }
            } catch (SyncFailure e) {
                throw e;
            } catch (IOException e) {
                last = "the connection dropped (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
                wait = backoff;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncFailure("interrupted");
            }
            if (attempt == MAX_ATTEMPTS) {
                break;
            }
            retries++;
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncFailure("interrupted");
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : backoff.multipliedBy(2);
        }
        throw new SyncFailure("gave up on " + uri.getPath() + " (startAt " + startAt + ") after " + MAX_ATTEMPTS
                + " attempts; the last one got " + last);
    }

    /** Retry-After in seconds or as an HTTP date; the backoff when absent or unreadable. */
    static Duration retryAfter(String header, Duration backoff) {
        if (header == null || header.isBlank()) {
            return backoff;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(Instant.now(), at);
            } catch (DateTimeParseException ex) {
                return backoff;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
