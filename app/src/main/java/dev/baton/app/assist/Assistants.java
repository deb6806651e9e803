package dev.baton.app.assist;

import dev.baton.app.store.LogSource;
import dev.baton.app.web.DebtReports;
import dev.baton.assist.Assist;
import dev.baton.assist.Assistant;
import dev.baton.assist.draft.BriefDraft;
import dev.baton.assist.gate.AssistGate;
import dev.baton.assist.gate.Gate;
import dev.baton.assist.history.PastWork;
import dev.baton.assist.history.WorkHistory;
import dev.baton.assist.ledger.BeforeAfter;
import dev.baton.assist.ledger.LedgerRow;
import dev.baton.assist.ledger.LeverageLedger;
import dev.baton.assist.provider.Provider;
import dev.baton.assist.provider.ProviderException;
import dev.baton.assist.provider.VariantWriter;
import dev.baton.assist.variants.MessageVariants;
import dev.baton.assist.variants.VariantRequest;
import dev.baton.assist.routing.RoutingSuggestion;
import dev.baton.assist.similar.Match;
import dev.baton.assist.similar.SimilarWork;
import dev.baton.assist.themes.Themes;
import dev.baton.engine.intake.IntakeEvent;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.assist.AssistEvent.AssistantEnabled;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The assistants as the server runs them (docs/assist.md, "In the web app"): the same pure
 * functions as {@code baton assist}, on the server's own log, with the gate read from the server's
 * debt report and an admin's recorded enabling ({@code AssistantEnabled}) as the override. The
 * log's work ({@link WorkHistory}) is kept until a new event arrives, and the one embedding model
 * is shared ({@link SharedEmbedder}), so a page load neither rereads the log nor reloads the model.
 */
@Component
public class Assistants {

    /** How many recently active requests and items the similar-requests search compares with. */
    static final int MAX_INDEX = 5_000;

    private final EventStore store;
    private final ModelVersions versions;
    private final DebtReports debt;
    private final SharedEmbedder embedder;
    private final Clock clock;
    private final Provider provider;
    private volatile Kept kept;

    private record Kept(long head, WorkHistory history, List<RecordedEvent> assistEvents, List<Themes.Finding> rejections) {
    }

    public Assistants(EventStore store, ModelVersions versions, DebtReports debt, SharedEmbedder embedder, Clock clock,
                      ConfiguredProvider provider) {
        this.store = store;
        this.provider = provider.provider();
        this.versions = versions;
        this.debt = debt;
        this.embedder = embedder;
        this.clock = clock;
    }

    public OperatingModel model() {
        return versions.current().orElseThrow(() -> new NotReady("No operating model has been uploaded yet; "
                + "assistants work on a model's work types", null)).model();
    }

    /** An assistant's gate now, with an admin's latest recorded enabling as its override. */
    public Gate gate(Assistant assistant, String workType) {
        String override = enabledReason(assistant, workType);
        if (assistant.scope() == Assistant.Scope.INTAKE) {
            return AssistGate.forIntake(assistant, model(), override);
        }
        WorkType type = workType(workType);
        return AssistGate.forWorkType(assistant, debt.current().report(), type.id(), override);
    }

    /** The gate, or {@link NotReady} naming each failing condition and its fix. */
    public Gate allowed(Assistant assistant, String workType) {
        Gate gate = gate(assistant, workType);
        if (!gate.allowed()) {
            throw new NotReady((workType == null || assistant.scope() == Assistant.Scope.INTAKE ? "The intake is"
                    : "Work type '" + workType + "' is") + " not ready for AI (" + assistant.id() + "); failing: "
                    + String.join("; ", gate.failing().stream().map(c -> c.id() + " (" + c.title() + "): " + c.reason()
                    + "; fix: " + c.fix()).toList()) + ". An admin may enable it anyway with a reason.", gate);
        }
        return gate;
    }

    public WorkType workType(String id) {
        OperatingModel model = model();
        if (id == null || id.isBlank()) {
            throw new UnknownWorkType("Name a work type; the model's are " + String.join(", ",
                    model.workTypes().stream().map(WorkType::id).toList()));
        }
        return model.workType(id).orElseThrow(() -> new UnknownWorkType("The operating model has no work type '" + id
                + "'; it has " + String.join(", ", model.workTypes().stream().map(WorkType::id).toList())));
    }

    /** The reason of the latest {@code AssistantEnabled} of an assistant on a work type (null: the intake), or null. */
    String enabledReason(Assistant assistant, String workType) {
        String reason = null;
        for (RecordedEvent e : store.read(AssistEvent.enabledStream(assistant.id(),
                assistant.scope() == Assistant.Scope.INTAKE ? null : workType))) {
            if (e.event() instanceof AssistantEnabled a) {
                reason = a.reason();
            }
        }
        return reason;
    }

    /**
     * A brief's first draft for a request, read by the configured provider (offline by default),
     * the rest from the most similar past briefs; {@link ProviderFailed} when the model server
     * could not make one (nothing is kept then).
     */
    public BriefDraft draftBrief(WorkType type, String request, String who) {
        try {
            return Assist.draftBrief(model(), type, request, work().history().comparable(), embedder, provider,
                    LocalDate.now(clock.withZone(ZoneOffset.UTC)), who);
        } catch (ProviderException e) {
            throw new ProviderFailed(e);
        }
    }

    public String provider() {
        return provider.id();
    }

    /** Whether the configured provider writes message variants: only a model server does, never Baton offline. */
    public boolean writesVariants() {
        return provider instanceof VariantWriter;
    }

    /**
     * The brief's message per audience segment, by the configured model; unavailable with the reason
     * where the model gives audience or messaging no single owner; {@link ProviderFailed} when the
     * model server wrote none.
     */
    public MessageVariants variants(VariantRequest request, String who) {
        try {
            return Assist.variants(request, provider, who);
        } catch (ProviderException e) {
            throw new ProviderFailed(e);
        }
    }

    /** A work item as the log tells it (its title, fields and work type), imported history included. */
    public Optional<PastWork> item(String id) {
        return work().history().item(id);
    }

    /** Past requests and items like a request, best first, and where it should go. */
    public Similar similar(String request, int top) {
        List<PastWork> past = work().history().comparable();
        SimilarWork index = SimilarWork.index(Assist.recent(past, MAX_INDEX), embedder);
        return new Similar(Math.min(past.size(), MAX_INDEX), Assist.similar(index, request, top),
                Assist.route(model(), index, request, past));
    }

    public record Similar(int compared, List<Match> matches, RoutingSuggestion routing) {
    }

    /** The leverage ledger of the server's log. */
    public List<LedgerRow> ledger() {
        return LeverageLedger.of(work().assistEvents());
    }

    /**
     * Each assistant's before and after (docs/assist.md): its work type's coordination share and
     * hours lost in the debt report up to the moment it came and from then on, measured as the
     * server's debt report is, against the current model.
     */
    public List<BeforeAfter.Row> beforeAfter() {
        DebtReports.Inputs inputs = debt.inputs();
        try {
            return BeforeAfter.of(inputs.history(), inputs.warnings(), "Baton's event log", new LogSource(store));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Why work was sent back or turned down, in people's own words: handoffs rejected, approvals denied, requests declined. */
    public List<Themes.Finding> rejections() {
        return work().rejections();
    }

    private static Themes.Finding rejection(RecordedEvent e) {
        String ref = e.stream() + "#" + e.version();
        if (e.event() instanceof WorkItemEvent.HandoffRejected h) {
            return new Themes.Finding(e.stream(), null, "handoff-rejected", h.reason(), ref);
        }
        if (e.event() instanceof WorkItemEvent.ApprovalDenied d) {
            return new Themes.Finding(e.stream(), null, "approval-denied", d.comment(), ref);
        }
        if (e.event() instanceof IntakeEvent.RequestDeclined d) {
            return new Themes.Finding(e.stream(), null, "request-declined", d.reason(), ref);
        }
        return null;
    }

    public SharedEmbedder embedder() {
        return embedder;
    }

    /** The log's work and its assist events, read again only when the log has grown. */
    private Kept work() {
        Kept k = kept;
        if (k != null && store.readAll(k.head(), 1).isEmpty()) {
            return k;
        }
        synchronized (this) {
            k = kept;
            if (k != null && store.readAll(k.head(), 1).isEmpty()) {
                return k;
            }
            WorkHistory history = new WorkHistory();
            List<RecordedEvent> assist = new ArrayList<>();
            List<Themes.Finding> rejections = new ArrayList<>();
            LogSource log = new LogSource(store);
            log.forEach(e -> {
                history.accept(e);
                if (e.event() instanceof AssistEvent) {
                    assist.add(e);
                }
                Themes.Finding rejection = rejection(e);
                if (rejection != null) {
                    rejections.add(rejection);
                }
            });
            kept = new Kept(log.head(), history, List.copyOf(assist), List.copyOf(rejections));
            return kept;
        }
    }

    /** An assistant asked for where it is not allowed: the sentence names each failing condition and its fix. */
    public static final class NotReady extends RuntimeException {
        private final transient Gate gate;

        NotReady(String message, Gate gate) {
            super(message);
            this.gate = gate;
        }

        public Gate gate() {
            return gate;
        }
    }

    /** The configured model server made no draft (timeout, 429, a malformed answer, the budget used up). */
    public static final class ProviderFailed extends RuntimeException {
        private final ProviderException.Failure failure;

        ProviderFailed(ProviderException e) {
            // the provider's sentence already ends "no draft was made"
            super(Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1) + ".", e);
            this.failure = e.failure();
        }

        public ProviderException.Failure failure() {
            return failure;
        }
    }

    /** A work type the model does not have. */
    public static final class UnknownWorkType extends RuntimeException {
        UnknownWorkType(String message) {
            super(message);
        }
    }
}
