package dev.baton.assist.provider;

import dev.baton.assist.draft.BriefAssembly;
import dev.baton.assist.draft.BriefDraft;
import dev.baton.assist.draft.DraftRequest;
import dev.baton.model.Metric;
import dev.baton.model.Template;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A brief read from a request by a model behind an OpenAI-compatible API (vLLM, llama.cpp
 * server, Ollama's {@code /v1}, LM Studio, a hosted model), called through LangChain4j with the
 * template as a strict JSON schema. Only what is configured is contacted, and only when a draft is
 * asked for: the request's text, the template, the model's metric, people and component ids go
 * there, nothing else. One call per draft, no retries (a 429 is reported, not hammered), each call
 * recorded in the usage log and counted against the monthly budget before it is made.
 */
public final class OpenAiCompatibleProvider implements Provider {

    /** How drafts from a configured model name their source: {@code ai:MODEL}. */
    public static final String SOURCE_PREFIX = "ai:";

    private final OpenAiSettings settings;
    private final Budget budget;
    private final UsageLog usage;
    private final Clock clock;
    private final UnaryOperator<String> environment;

    /**
     * @param environment how to read an environment variable ({@code System::getenv}; tests pass a map)
     */
    public OpenAiCompatibleProvider(OpenAiSettings settings, Budget budget, UsageLog usage, Clock clock,
                                    UnaryOperator<String> environment) {
        this.settings = settings;
        this.budget = budget == null ? Budget.UNLIMITED : budget;
        this.usage = usage;
        this.clock = clock;
        this.environment = environment;
    }

    @Override
    public String id() {
        return "openai-compatible:" + settings.modelName();
    }

    @Override
    public BriefDraft draft(DraftRequest request, String who) throws ProviderException {
        Template template = request.template();
        if (template == null) {
            return BriefAssembly.assemble(request, Map.of(), source(), "");
        }
        String workType = request.workType().id();
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        String over = budget.exceeded(usage.month(month), month);
        if (over != null) {
            record(who, workType, 0, 0, 0, ProviderException.Failure.OUT_OF_BUDGET.id());
            throw new ProviderException(ProviderException.Failure.OUT_OF_BUDGET, over + "; nothing was sent, no draft was made");
        }
        String key = "none";
        if (settings.keyEnv() != null) {
            key = environment.apply(settings.keyEnv());
            if (key == null || key.isBlank()) {
                throw new ProviderException(ProviderException.Failure.NOT_CONFIGURED, "the environment variable "
                        + settings.keyEnv() + " that should hold the model server's key is not set; nothing was sent");
            }
        }
        OpenAiChatModel chat = OpenAiChatModel.builder().baseUrl(settings.baseUrl()).apiKey(key)
                .modelName(settings.modelName()).timeout(settings.timeout()).maxRetries(0).strictJsonSchema(true)
                .temperature(0.0).build();
        ChatRequest call = ChatRequest.builder()
                .messages(SystemMessage.from(instructions(request)), UserMessage.from(request.text()))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                        .jsonSchema(TemplateSchema.of(request.model(), template)).build())
                .build();
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = chat.chat(call);
        } catch (RuntimeException e) {
            long latency = (System.nanoTime() - start) / 1_000_000;
            ProviderException failure = failure(e);
            record(who, workType, 0, 0, latency, failure.failure().id());
            throw failure;
        }
        long latency = (System.nanoTime() - start) / 1_000_000;
        TokenUsage tokens = response.tokenUsage();
        long in = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        long out = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        Map<String, Object> stated;
        try {
            stated = TemplateSchema.read(request.model(), template, response.aiMessage() == null ? null
                    : response.aiMessage().text());
        } catch (ProviderException e) {
            record(who, workType, in, out, latency, e.failure().id());
            throw e;
        }
        record(who, workType, in, out, latency, Usage.OK);
        return BriefAssembly.assemble(request, stated, source(), "values read from the request by the model "
                + settings.modelName() + " (" + settings.baseUrl() + ")");
    }

    private String source() {
        return SOURCE_PREFIX + settings.modelName();
    }

    private void record(String who, String workType, long in, long out, long latency, String outcome) {
        usage.record(new Usage(clock.instant(), who, "brief-draft", workType, id(), in, out, latency, outcome));
    }

    /** What the model is told: read, never invent; the ids it may answer with; a past brief for wording only. */
    private static String instructions(DraftRequest request) {
        StringBuilder text = new StringBuilder();
        Template t = request.template();
        text.append("You read a request to a marketing team and fill the fields of its ")
                .append(t.name() == null ? t.id() : t.name()).append(" for the work type '")
                .append(request.workType().name() == null ? request.workType().id() : request.workType().name())
                .append("'. Fill a field only with a value the request states; where it states none, answer null. ")
                .append("Never invent dates, numbers, names or links. Dates are YYYY-MM-DD; today is ")
                .append(request.today()).append(". Answer with the JSON object only.");
        if (!request.model().metrics().isEmpty()) {
            text.append("\nMetrics (id: name): ").append(request.model().metrics().stream()
                    .map(m -> m.id() + ": " + (m.name() == null ? m.id() : m.name())).collect(Collectors.joining("; ")));
        }
        if (!request.model().people().isEmpty()) {
            text.append("\nPeople (id: name): ").append(request.model().people().stream()
                    .map(p -> p.id() + ": " + p.name()).collect(Collectors.joining("; ")));
        }
        java.util.List<String> success = request.workType().success();
        if (success != null && !success.isEmpty()) {
            text.append("\nThe work type's success metrics: ").append(success.stream()
                    .map(id -> request.model().metric(id).map(Metric::name).orElse(id)).collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    /** The LangChain4j failure as one of the provider's, with a sentence a person acts on. */
    private ProviderException failure(RuntimeException e) {
        String server = settings.baseUrl();
        if (isTimeout(e)) {
            return new ProviderException(ProviderException.Failure.TIMEOUT, "the model server " + server
                    + " did not answer within " + settings.timeout().toMillis() + " ms; no draft was made", e);
        }
        if (e instanceof RateLimitException || (e instanceof HttpException h && h.statusCode() == 429)) {
            return new ProviderException(ProviderException.Failure.RATE_LIMITED, "the model server " + server
                    + " refused the call: too many requests (HTTP 429); try again later, no draft was made", e);
        }
        String status = e instanceof HttpException h ? "HTTP " + h.statusCode() + ": " : "";
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        return new ProviderException(ProviderException.Failure.UNAVAILABLE, "the model server " + server
                + " could not be used (" + status + message.strip() + "); no draft was made", e);
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
