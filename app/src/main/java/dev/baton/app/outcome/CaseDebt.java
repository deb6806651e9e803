package dev.baton.app.outcome;

import dev.baton.app.store.ItemTree;
import dev.baton.app.store.ModelHistories;
import dev.baton.engine.Engine;
import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.learning.LearningEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.ModelHistory;
import dev.baton.insight.debt.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The orchestration debt of one case: a campaign item and the items under it (its assets), as the
 * debt report measures it (the same {@link DebtAnalysis}, each item against the model version it ran
 * under), over that case's events only.
 */
@Component
public class CaseDebt {

    /**
     * A case's debt: what the debt report calls hours lost, and two of its components.
     *
     * @param items            the items of the case (the campaign and those under it)
     * @param reworkItems      items that went back to an earlier stage or were reopened
     * @param approvalRounds   approval rounds, of which {@code draggedRounds} dragged
     * @param approvalWaitHours hours waited for approvals, over every round
     */
    public record Debt(long items, double hoursLost, double reworkItems, double reworkHours, double approvalRounds,
                       double draggedRounds, double approvalWaitHours, double approvalDragHours) {
    }

    private final Engine engine;
    private final ModelVersions versions;
    private final JdbcTemplate jdbc;

    CaseDebt(Engine engine, ModelVersions versions, JdbcTemplate jdbc) {
        this.engine = engine;
        this.versions = versions;
        this.jdbc = jdbc;
    }

    /**
     * Each case's debt, by the id of its root item; a root with no event is left out. Only the
     * case's own streams are read, so an item page does not read the whole log.
     */
    public Map<String, Debt> of(Set<String> roots) {
        Map<String, Debt> result = new LinkedHashMap<>();
        var current = versions.current();
        if (roots.isEmpty() || current.isEmpty()) {
            return result;
        }
        ModelHistory history = ModelHistories.of(versions, jdbc, current.get());
        for (String root : roots) {
            List<RecordedEvent> log = new ArrayList<>();
            List<String> items = new ArrayList<>();
            items.add(root);
            items.addAll(ItemTree.under(jdbc, root));
            for (String item : items) {
                // As the debt report reads the log (LogSource): import bookkeeping and learning are no work.
                engine.history(new WorkItemId(item)).stream()
                        .filter(e -> !ImportBatches.isBatchEvent(e) && !LearningEvent.isLearning(e)).forEach(log::add);
            }
            if (!log.isEmpty()) {
                log.sort(Comparator.comparingLong(RecordedEvent::position));
                result.put(root, debt(history, root, log));
            }
        }
        return result;
    }

    private static Debt debt(ModelHistory history, String root, List<RecordedEvent> log) {
        DebtReport r;
        try {
            r = DebtAnalysis.analyze(history, List.of(), "case " + root, sink -> log.forEach(sink), Scope.ALL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DebtReport.ComponentResult rework = r.component("rework");
        DebtReport.ComponentResult drag = r.component("decision-drag");
        return new Debt(r.items(), r.costHours(), rework.bad(), rework.costHours(), drag.total(), drag.bad(),
                drag.details().getOrDefault("waitHours", 0.0), drag.costHours());
    }
}
