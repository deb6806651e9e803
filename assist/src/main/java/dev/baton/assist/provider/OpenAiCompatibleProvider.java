package dev.baton.assist.provider;

import dev.baton.assist.Assistant;
import dev.baton.assist.draft.BriefAssembly;
import dev.baton.assist.draft.BriefDraft;
import dev.baton.assist.draft.DraftRequest;
import dev.baton.assist.variants.MessageVariant;
import dev.baton.assist.variants.VariantRequest;
import dev.baton.model.Metric;
import dev.baton.model.Template;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
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
public final class OpenAiCompatibleProvider implements Provider, VariantWriter {

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
        Answer answer = call(Assistant.BRIEF_DRAFT.id(), workType, who, instructions(request), request.text(),
                TemplateSchema.of(request.model(), template));
        Map<String, Object> stated = answer.read(() -> TemplateSchema.read(request.model(), template, answer.text()));
        return BriefAssembly.assemble(request, stated, source(), "values read from the request by the model "
                + settings.modelName() + " (" + settings.baseUrl() + ")");
    }

    @Override
    public List<MessageVariant> variants(VariantRequest request, String who) throws ProviderException {
        Answer answer = call(Assistant.MESSAGE_VARIANTS.id(), request.workType(), who, variantInstructions(request), request.brief(),
                VariantSchema.of(request));
        return answer.read(() -> VariantSchema.read(request, answer.text(), source()));
    }

    private String source() {
        return SOURCE_PREFIX + settings.modelName();
    }

    /** A model's answer, not yet read: reading it records the call in the usage log, ok or malformed. */
    private final class Answer {
        private final String assistant;
        private final String workType;
        private final String who;
        private final String text;
        private final long in;
        private final long out;
        private final long latency;

        Answer(String assistant, String workType, String who, String text, long in, long out, long latency) {
            this.assistant = assistant;
            this.workType = workType;
            this.who = who;
            this.text = text;
            this.in = in;
            this.out = out;
            this.latency = latency;
        }

        String text() {
            return text;
        }

        <T> T read(Reading<T> reading) throws ProviderException {
            try {
                T value = reading.read();
                record(assistant, who, workType, in, out, latency, Usage.OK);
                return value;
            } catch (ProviderException e) {
                record(assistant, who, workType, in, out, latency, e.failure().id());
                throw e;
            }
        }
    }

    private interface Reading<T> {
        T read() throws ProviderException;
    }

    /**
     * One call: the month's budget checked and the key read before anything is sent, then the
     * answer's text and tokens; a failure is recorded in the usage log and thrown, nothing kept.
     */
    private Answer call(String assistant, String workType, String who, String system, String user, JsonSchema schema)
            throws ProviderException {
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        String over = budget.exceeded(usage.month(month), month);
        if (over != null) {
            record(assistant, who, workType, 0, 0, 0, ProviderException.Failure.OUT_OF_BUDGET.id());
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
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build())
                .build();
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = chat.chat(request);
        } catch (RuntimeException e) {
            long latency = (System.nanoTime() - start) / 1_000_000;
            ProviderException failure = failure(e);
            record(assistant, who, workType, 0, 0, latency, failure.failure().id());
            throw failure;
        }
        long latency = (System.nanoTime() - start) / 1_000_000;
        TokenUsage tokens = response.tokenUsage();
        long in = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        long out = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        return new Answer(assistant, workType, who, response.aiMessage() == null ? null : response.aiMessage().text(),
                in, out, latency);
    }

    private void record(String assistant, String who, String workType, long in, long out, long latency, String outcome) {
        usage.record(new Usage(clock.instant(), who, assistant, workType, id(), in, out, latency, outcome));
    }

    /** What the model is told for variants: carry the brief's message to each segment, invent no facts. */
    private static String variantInstructions(VariantRequest request) {
        return "You write variants of a marketing brief's message, one per audience segment: "
                + String.join("; ", request.segments()) + ". For each segment write a headline (one line) and a body "
                + "(two to four sentences) that carry the brief's message in the terms that segment cares about. Use "
                + "only facts the brief states: never invent numbers, prices, dates, customer names, quotes or claims. "
                + "Each variant is a draft for the owner of messaging to take, edit or discard. Answer with the JSON "
                + "object only. The brief follows.";
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
