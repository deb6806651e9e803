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

    Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    Response post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response postAs(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response put(String path, String contentType, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** A file part of a multipart upload. */
    record FilePart(String filename, byte[] content) {
    }

    /**
     * POSTs {@code multipart/form-data}: {@code parts} alternate names and values, a value being a
     * String (a text field) or a {@link FilePart}.
     */
    Response multipart(String path, Object... parts) {
        String boundary = "baton-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i += 2) {
            String name = (String) parts[i];
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(name).append('"');
            byte[] content;
            if (parts[i + 1] instanceof FilePart file) {
                head.append("; filename=\"").append(file.filename()).append("\"\r\n")
                        .append("Content-Type: application/octet-stream");
                content = file.content();
            } else {
                content = String.valueOf(parts[i + 1]).getBytes(StandardCharsets.UTF_8);
            }
            head.append("\r\n\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
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

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String path = request.uri().getRawPath();
            if (path.startsWith("/api/") && !path.startsWith("/api/docs")) {
                List<String> departures = DocumentedAnswers.of(port).departures(request.method(), path,
                        response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
                if (!departures.isEmpty()) {
                    throw new AssertionError("The answer departs from /api/docs: " + String.join("; ", departures)
                            + "\nbody: " + response.body());
                }
            }
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
