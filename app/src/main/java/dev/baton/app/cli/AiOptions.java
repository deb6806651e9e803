package dev.baton.app.cli;

import dev.baton.assist.provider.Budget;
import dev.baton.assist.provider.OfflineProvider;
import dev.baton.assist.provider.OpenAiCompatibleProvider;
import dev.baton.assist.provider.OpenAiSettings;
import dev.baton.assist.provider.Provider;
import dev.baton.assist.provider.UsageLog;
import dev.baton.assist.provider.UsageLogFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Which provider reads requests: offline unless a model server is configured with {@code --ai-url}
 * and {@code --ai-model}. Nothing is sent anywhere without them (docs/assist.md, "Privacy").
 */
final class AiOptions {

    @Option(names = "--ai-url", paramLabel = "URL", description = "An OpenAI-compatible model server to read the "
            + "request with (vLLM, llama.cpp, Ollama's http://localhost:11434/v1, a hosted model); default: offline, "
            + "nothing is sent anywhere.")
    String url;

    @Option(names = "--ai-model", paramLabel = "NAME", description = "The model's name on that server.")
    String modelName;

    @Option(names = "--ai-key-env", paramLabel = "VAR", description = "The environment variable holding the server's "
            + "API key (the key itself is never an option); none for a local server without one.")
    String keyEnv;

    @Option(names = "--ai-timeout", paramLabel = "DURATION", defaultValue = "60s", description = "How long one call may "
            + "take (500ms, 30s, 2m; default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--ai-budget-calls", paramLabel = "N", description = "At most N calls to the model a calendar month "
            + "(counted in --ai-usage-log).")
    Long budgetCalls;

    @Option(names = "--ai-budget-tokens", paramLabel = "N", description = "At most N tokens a calendar month.")
    Long budgetTokens;

    @Option(names = "--ai-usage-log", paramLabel = "FILE", description = "The usage log (JSONL, appended to: who, what, "
            + "tokens, latency, outcome per call) that the monthly budget counts; default: this run only.")
    Path usageLog;

    @Option(names = "--as", paramLabel = "PERSON", description = "Who asks (for the usage log; default: the system user).")
    String who = System.getProperty("user.name", "unknown");

    /** The provider asked for; a usage error names what is missing. */
    Provider provider(CommandLine cli, Clock clock) {
        if (url == null && modelName == null) {
            if (keyEnv != null || budgetCalls != null || budgetTokens != null || usageLog != null) {
                throw new CommandLine.ParameterException(cli, "expected --ai-url and --ai-model with the other --ai-* "
                        + "options: without a model server Baton drafts offline");
            }
            return new OfflineProvider();
        }
        if (url == null || modelName == null) {
            throw new CommandLine.ParameterException(cli, "expected both --ai-url URL and --ai-model NAME for a model server");
        }
        Matcher m = Pattern.compile("(\\d{1,6})(ms|s|m)").matcher(timeout.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new CommandLine.ParameterException(cli, "expected --ai-timeout as a duration such as 500ms, 30s or 2m, "
                    + "found '" + timeout + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration wait = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
        if ((budgetCalls != null && budgetCalls < 0) || (budgetTokens != null && budgetTokens < 0)) {
            throw new CommandLine.ParameterException(cli, "expected a budget of 0 or more");
        }
        UsageLog usage = usageLog == null ? UsageLog.inMemory() : new UsageLogFile(usageLog);
        return new OpenAiCompatibleProvider(new OpenAiSettings(url, modelName, keyEnv, wait),
                new Budget(budgetCalls, budgetTokens), usage, clock, System::getenv);
    }
}
