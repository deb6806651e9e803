package dev.baton.app.api;

import dev.baton.app.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Real HTTP against a running server, as one user (or nobody); answers parsed as JSON. */
record ApiClient(int port, String authorization) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static ApiClient anonymous(int port) {
        return new ApiClient(port, null);
    }

    ApiClient as(String user, String password) {
        return new ApiClient(port, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    ApiClient bearer(String token) {
        return new ApiClient(port, "Bearer " + token);
    }

    record Response(int status, String body, HttpResponse<String> raw) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return Json.mapper().readValue(body, Map.class);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return Json.mapper().readValue(body, List.class);
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
