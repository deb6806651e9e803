package dev.baton.app.assist;

import dev.baton.assist.provider.Budget;
import dev.baton.assist.provider.OfflineProvider;
import dev.baton.assist.provider.OpenAiCompatibleProvider;
import dev.baton.assist.provider.OpenAiSettings;
import dev.baton.assist.provider.Provider;
import dev.baton.assist.provider.UsageLogFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who drafts briefs on the server (docs/assist.md, "In the web app"): Baton's own rules when
 * nothing is configured, so nothing is sent anywhere; an OpenAI-compatible model when
 * {@code baton.assist.provider.url} and {@code .model} are set, the key read from the environment
 * variable named by {@code .api-key-env}, each call appended to the usage log file that the
 * monthly budget counts (the same JSONL as {@code baton assist --ai-usage-log}).
 */
@Component
public class ConfiguredProvider {

    private final Provider provider;

    ConfiguredProvider(@Value("${baton.assist.provider.url:}") String url,
                       @Value("${baton.assist.provider.model:}") String model,
                       @Value("${baton.assist.provider.api-key-env:}") String keyEnv,
                       @Value("${baton.assist.provider.timeout:PT60S}") Duration timeout,
                       @Value("${baton.assist.provider.monthly-calls:}") Long monthlyCalls,
                       @Value("${baton.assist.provider.monthly-tokens:}") Long monthlyTokens,
                       @Value("${baton.assist.provider.usage-log:${baton.data:baton-data}/ai-usage.jsonl}") Path usageLog,
                       Clock clock) {
        this.provider = provider(url, model, keyEnv, timeout, monthlyCalls, monthlyTokens, usageLog, clock);
    }

    /** The provider the settings ask for; a half-configured one stops the start with a sentence saying what is missing. */
    static Provider provider(String url, String model, String keyEnv, Duration timeout, Long monthlyCalls,
                             Long monthlyTokens, Path usageLog, Clock clock) {
        if (url.isBlank() && model.isBlank()) {
            return new OfflineProvider();
        }
        if (url.isBlank() || model.isBlank()) {
            throw new IllegalStateException("expected both baton.assist.provider.url and baton.assist.provider.model "
                    + "for a model server (found only " + (url.isBlank() ? "the model" : "the URL")
                    + "); without both the server drafts offline");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException("expected baton.assist.provider.timeout to be positive, found " + timeout);
        }
        if ((monthlyCalls != null && monthlyCalls < 0) || (monthlyTokens != null && monthlyTokens < 0)) {
            throw new IllegalStateException("expected baton.assist.provider.monthly-calls and -tokens of 0 or more");
        }
        try {
            Path parent = usageLog.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the directory of the AI usage log " + usageLog + ": "
                    + e.getMessage(), e);
        }
        return new OpenAiCompatibleProvider(new OpenAiSettings(url.strip(), model.strip(),
                keyEnv.isBlank() ? null : keyEnv.strip(), timeout), new Budget(monthlyCalls, monthlyTokens),
                new UsageLogFile(usageLog), clock, System::getenv);
    }

    public Provider provider() {
        return provider;
    }
}
