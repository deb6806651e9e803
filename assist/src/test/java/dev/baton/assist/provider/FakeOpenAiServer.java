package dev.baton.assist.provider;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for an OpenAI-compatible server ({@code POST /v1/chat/completions}) on the
 * loopback interface: answers with the content it is given, slowly, with a status, or with
 * whatever text; keeps the request bodies it received. Never the internet. Shared with app's
 * tests (the test-jar).
 */
public final class FakeOpenAiServer implements AutoCloseable {

    private final HttpServer server;
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public volatile int status = 200;
    public volatile long delayMillis;
    /** The assistant message's content (the JSON the model "wrote"). */
    public volatile String content = "{}";
    /** When set, the whole response body as is, instead of a chat completion around {@link #content}. */
    public volatile String rawBody;

    public FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                String body = status == 429
                        ? "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_exceeded\",\"code\":\"rate_limit_exceeded\"}}"
                        : rawBody != null ? rawBody : completion(content);
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client gave up (a timeout test): nothing to answer to.
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private static String completion(String content) {
        String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1767225600,\"model\":\"fake-model\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + escaped + "\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":40,\"total_tokens\":160}}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
