package dev.baton.app.notify;

import dev.baton.app.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A Slack or Microsoft Teams incoming webhook: a JSON POST with the message as {@code text}, which
 * both read. A person chooses the address, so Baton only posts to hosts the server allows
 * ({@code baton.notifications.webhook-hosts}: a host, or {@code .example.com} for its subdomains)
 * and only over HTTPS, except to a loopback host the list names (a local relay, the tests): a
 * webhook must not become a way to make the server call into its own network.
 */
@Component
public class WebhookChannel {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final List<String> hosts;

    WebhookChannel(@Value("${baton.notifications.webhook-hosts:hooks.slack.com,.webhook.office.com,outlook.office.com}")
                   String hosts) {
        this.hosts = Arrays.stream(hosts.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .toList();
    }

    /** Why Baton will not post to this address, or empty when it will. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("expected a webhook address like https://hooks.slack.com/services/..., found '" + url + "'");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean allowed = hosts.stream().anyMatch(h -> h.startsWith(".") ? host.endsWith(h) : host.equals(h));
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (!allowed || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))) {
            return Optional.of("expected an https webhook address on " + String.join(", ", hosts)
                    + " (the server's baton.notifications.webhook-hosts), found '" + url + "'");
        }
        return Optional.empty();
    }

    /** Posts the text; anything but a 2xx answer is thrown, for the delivery to be retried. */
    public void post(String url, Letter letter) throws IOException, InterruptedException {
        Optional<String> refused = refusal(url);
        if (refused.isPresent()) {
            throw new IOException(refused.get());
        }
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("text", letter.text())))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            String body = answer.body() == null ? "" : answer.body();
            throw new IOException("the webhook answered " + answer.statusCode()
                    + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(200, body.length()))));
        }
    }
}
