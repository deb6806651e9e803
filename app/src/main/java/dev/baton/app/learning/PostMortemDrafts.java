package dev.baton.app.learning;

import dev.baton.engine.Engine;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.insight.learning.OutcomeLink;
import dev.baton.insight.learning.PostMortemFacts;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The draft of a post-mortem: the facts of a finished item and the items under it, read from the
 * server's log ({@link PostMortemFacts}) with the outcomes of the CRM campaigns they are linked to
 * ({@link PostMortemOutcomes}), and which work gets a post-mortem offered.
 */
@Component
public class PostMortemDrafts {

    private final Engine engine;
    private final ModelVersions versions;
    private final LearningLog log;
    private final PostMortemOutcomes outcomes;

    PostMortemDrafts(Engine engine, ModelVersions versions, LearningLog log, PostMortemOutcomes outcomes) {
        this.engine = engine;
        this.versions = versions;
        this.log = log;
        this.outcomes = outcomes;
    }

    /**
     * The work types whose completed items are offered a post-mortem: initiatives and campaigns, that
     * is a work type at the top (no parent) or one that other work types sit under. Any other
     * completed item's post-mortem can still be written from its page.
     */
    public static List<String> offeredWorkTypes(OperatingModel model) {
        List<String> offered = new ArrayList<>();
        for (WorkType w : model.workTypes()) {
            boolean parentOfOthers = model.workTypes().stream().anyMatch(o -> w.id() != null && w.id().equals(o.parent()));
            if (w.id() != null && (w.parent() == null || parentOfOthers)) {
                offered.add(w.id());
            }
        }
        return offered;
    }

    /** The facts of an item Baton runs, or empty when there is no such item (imported history included). */
    public Optional<PostMortemFacts> facts(String item) {
        Optional<WorkItem> found = engine.item(new WorkItemId(item));
        Optional<ModelVersion> current = versions.current();
        if (found.isEmpty() || current.isEmpty()) {
            return Optional.empty();
        }
        List<List<RecordedEvent>> histories = new ArrayList<>();
        List<OutcomeLink> links = new ArrayList<>();
        histories.add(engine.history(found.get().id()));
        links.add(OutcomeLink.of(found.get()));
        for (String child : log.under(item)) {
            histories.add(engine.history(new WorkItemId(child)));
            engine.item(new WorkItemId(child)).ifPresent(w -> links.add(OutcomeLink.of(w)));
        }
        PostMortemOutcomes.Source source = outcomes.source();
        return Optional.of(PostMortemFacts.of(n -> versions.get(n).map(ModelVersion::model).orElse(null),
                current.get().model(), histories).withOutcomes(links, source.source(), source.stored()));
    }

    public Optional<WorkItem> item(String item) {
        return engine.item(new WorkItemId(item));
    }
}
