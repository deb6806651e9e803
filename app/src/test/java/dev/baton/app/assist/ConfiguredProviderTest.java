package dev.baton.app.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's provider from its settings: offline with nothing set, a model server with both URL and model. */
class ConfiguredProviderTest {

    @TempDir
    Path dir;

    @Test
    void nothingConfiguredIsOfflineAndCreatesNoFile() {
        Path log = dir.resolve("data").resolve("ai-usage.jsonl");
        assertThat(ConfiguredProvider.provider("", "", "", Duration.ofSeconds(60), null, null, log, Clock.systemUTC()).id())
                .isEqualTo("offline");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aUrlAndModelCallTheModelServerAndHalfASettingSaysWhatIsMissing() {
        Path log = dir.resolve("data").resolve("ai-usage.jsonl");
        assertThat(ConfiguredProvider.provider("http://127.0.0.1:9/v1", "llama3", "OPENAI_API_KEY", Duration.ofSeconds(5),
                10L, null, log, Clock.systemUTC()).id()).isEqualTo("openai-compatible:llama3");
        assertThat(dir.resolve("data")).isDirectory();
        assertThatThrownBy(() -> ConfiguredProvider.provider("http://127.0.0.1:9/v1", "", "", Duration.ofSeconds(5), null,
                null, log, Clock.systemUTC())).hasMessage("expected both baton.assist.provider.url and "
                + "baton.assist.provider.model for a model server (found only the URL); without both the server drafts offline");
        assertThatThrownBy(() -> ConfiguredProvider.provider("http://127.0.0.1:9/v1", "llama3", "", Duration.ZERO, null,
                null, log, Clock.systemUTC())).hasMessageContaining("timeout to be positive");
    }
}
