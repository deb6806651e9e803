package dev.baton.assist.provider;

import java.time.Duration;

/**
 * Where a configured model is and how long to wait for it. The key is never stored: only the
 * name of the environment variable that holds it (none for a local server without one).
 *
 * @param baseUrl   the OpenAI-compatible API root, e.g. {@code http://localhost:8000/v1} (vLLM),
 *                  {@code http://localhost:11434/v1} (Ollama)
 * @param keyEnv    the environment variable holding the API key, or null
 * @param timeout   how long one call may take before it is abandoned
 */
public record OpenAiSettings(String baseUrl, String modelName, String keyEnv, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public OpenAiSettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("expected the model server's base URL (http://host:port/v1)");
        }
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("expected the name of the model to call");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }
}
