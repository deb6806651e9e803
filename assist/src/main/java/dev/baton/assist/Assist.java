package dev.baton.assist;

import dev.baton.assist.draft.BriefAssembly;
import dev.baton.assist.draft.BriefDraft;
import dev.baton.assist.draft.DraftRequest;
import dev.baton.assist.embed.Embedder;
import dev.baton.assist.history.PastWork;
import dev.baton.assist.gate.AssistGate;
import dev.baton.assist.gate.GateCondition;
import dev.baton.assist.ledger.EditShare;
import dev.baton.assist.ledger.LedgerRow;
import dev.baton.assist.ledger.LeverageLedger;
import dev.baton.assist.provider.Provider;
import dev.baton.assist.provider.ProviderException;
import dev.baton.assist.provider.VariantWriter;
import dev.baton.assist.routing.Routing;
import dev.baton.assist.routing.RoutingSuggestion;
import dev.baton.assist.similar.Match;
import dev.baton.assist.similar.SimilarWork;
import dev.baton.assist.summary.ItemSummary;
import dev.baton.assist.variants.MessageVariants;
import dev.baton.assist.variants.VariantRequest;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The assistants, one entry point each (docs/assist.md). Pure functions of the model, the log's
 * work ({@code WorkHistory}) and a request; the caller checks the gate first ({@code AssistGate})
 * and records what happens to each draft ({@code AssistEvent}). The only state behind them is the
 * embedding model, loaded once on first use.
 */
public final class Assist {

    /** The past briefs a draft compares a request with: the most recent of the work type. */
    public static final int MAX_BRIEFS = 2_000;
    /** How many similar past briefs a draft is offered to copy from. */
    private static final int SIMILAR_BRIEFS = 10;

    private Assist() {
    }

    /**
     * A brief's first draft for a request of a work type, by the provider given (offline, or a
     * configured model), the rest from the most similar past briefs of the work type.
     *
     * @param past every past item and request ({@code WorkHistory.comparable()})
     */
    public static BriefDraft draftBrief(OperatingModel model, WorkType workType, String request, List<PastWork> past,
                                        Embedder embedder, Provider provider, LocalDate today, String who)
            throws ProviderException {
        Template template = workType.template() == null ? null : model.template(workType.template()).orElse(null);
        List<PastWork> briefs = recent(past.stream().filter(w -> workType.id().equals(w.workType())
                && !w.fields().isEmpty()).toList(), MAX_BRIEFS);
        List<Match> similar = briefs.isEmpty() ? List.of()
                : SimilarWork.index(briefs, embedder).search(request, SIMILAR_BRIEFS);
        DraftRequest draft = new DraftRequest(model, workType, template, request, similar, today,
                BriefAssembly.channelsOf(briefs, template));
        return provider.draft(draft, who);
    }

    /** The past work most like a request, best first: duplicates and near-duplicates at intake. */
    public static List<Match> similar(SimilarWork index, String request, int top) {
        return index.search(request, top);
    }

    /** Where a request should go: the work type of its nearest past items, the least loaded owner. */
    public static RoutingSuggestion route(OperatingModel model, SimilarWork index, String request, List<PastWork> past) {
        java.util.Set<String> intake = new java.util.HashSet<>();
        model.intake().forms().forEach(f -> intake.add(f.workType()));
        List<Match> nearest = index.search(request, Routing.NEIGHBOURS, w -> w.kind() == PastWork.Kind.ITEM
                && (intake.isEmpty() || intake.contains(w.workType())));
        return Routing.suggest(model, nearest, past);
    }

    /** An item's history in a few sentences, each naming its events. */
    public static ItemSummary summarize(OperatingModel model, String item, List<RecordedEvent> events, Instant now) {
        return ItemSummary.of(model, item, events, now);
    }

    /**
     * The brief's message per audience segment (docs/assist.md, "Message variants"): only where the
     * model gives audience and messaging one owner each, and only by a configured model. Otherwise
     * no variant at all and the reason: Baton does not fake variants offline. The caller checks an
     * item's work-type gate first, as for any assistant on a work type's items.
     */
    public static MessageVariants variants(VariantRequest request, Provider provider, String who) throws ProviderException {
        List<GateCondition> foundations = AssistGate.messageFoundations(request.model());
        List<GateCondition> failing = foundations.stream().filter(c -> !c.pass()).toList();
        if (!failing.isEmpty()) {
            return MessageVariants.unavailable("message variants are offered only where the model gives audience and "
                    + "messaging an owner: " + String.join("; ", failing.stream().map(c -> c.reason() + " (fix: "
                    + c.fix() + ")").toList()), provider.id(), foundations);
        }
        if (!(provider instanceof VariantWriter writer)) {
            return MessageVariants.unavailable(variantsNeedModel("--ai-url and --ai-model"), provider.id(), foundations);
        }
        return new MessageVariants(true, null, provider.id(), foundations, writer.variants(request, who));
    }

    /**
     * Why no variant is written offline, the CLI and the server alike, naming how a model is configured there.
     *
     * @param settings the settings that configure a model server ({@code --ai-url and --ai-model} on the CLI)
     */
    public static String variantsNeedModel(String settings) {
        return "message variants need a configured model (an OpenAI-compatible server: " + settings
                + "); offline, Baton writes none rather than fake them";
    }

    /** What an item's brief says, for an assistant that reads a brief: its title, then its fields as {@code id: value} lines. */
    public static String briefText(PastWork work) {
        String title = work.title() == null || work.title().isBlank() ? "" : work.title().strip() + "\n";
        return title + EditShare.text(work.fields());
    }

    /** The leverage ledger of a log's assist events. */
    public static List<LedgerRow> ledger(Iterable<RecordedEvent> events) {
        return LeverageLedger.of(events);
    }

    /** The {@code n} most recently active of {@code works}, in their original order. */
    public static List<PastWork> recent(List<PastWork> works, int n) {
        if (works.size() <= n) {
            return works;
        }
        List<PastWork> newest = works.stream().sorted(Comparator.comparing(PastWork::last,
                Comparator.nullsFirst(Comparator.naturalOrder())).reversed()).limit(n).toList();
        java.util.Set<PastWork> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        keep.addAll(newest);
        return works.stream().filter(keep::contains).toList();
    }
}
