package dev.baton.app.outcome;

import dev.baton.app.store.LogSource;
import dev.baton.app.store.ModelHistories;
import dev.baton.engine.event.EventStore;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The orchestration debt of one case: a campaign item and the items under it (its assets), as the
 * debt report measures it (the same {@link DebtAnalysis}, each item against the model version it ran
 * under), over that case's events only. One pass over the log serves every case asked for.
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

    private final EventStore store;
    private final ModelVersions versions;
    private final JdbcTemplate jdbc;

    CaseDebt(EventStore store, ModelVersions versions, JdbcTemplate jdbc) {
        this.store = store;
        this.versions = versions;
        this.jdbc = jdbc;
    }

    /** Each case's debt, by the id of its root item; a root with no event is left out. */
    public Map<String, Debt> of(Set<String> roots) {
        Map<String, Debt> result = new LinkedHashMap<>();
        var current = versions.current();
        if (roots.isEmpty() || current.isEmpty()) {
            return result;
        }
        Map<String, String> rootOf = rootsOf(roots);
        Map<String, List<RecordedEvent>> events = new HashMap<>();
        new LogSource(store).forEach(e -> {
            String root = rootOf.get(e.stream());
            if (root != null) {
                events.computeIfAbsent(root, k -> new ArrayList<>()).add(e);
            }
        });
        ModelHistory history = ModelHistories.of(versions, jdbc, current.get());
        for (String root : roots) {
            List<RecordedEvent> log = events.get(root);
            if (log != null) {
                result.put(root, debt(history, root, log));
            }
        }
        return result;
    }

    /** Each item of the cases → its case's root: the roots and the items under them, at any depth. */
    private Map<String, String> rootsOf(Set<String> roots) {
        Map<String, String> parents = new HashMap<>();
        jdbc.query("select id, parent from items where parent is not null", rs -> {
            parents.put(rs.getString(1), rs.getString(2));
        });
        Map<String, String> rootOf = new HashMap<>();
        roots.forEach(r -> rootOf.put(r, r));
        for (String item : parents.keySet()) {
            String at = item;
            for (int depth = 0; depth < 10 && at != null && !rootOf.containsKey(at); depth++) {
                at = parents.get(at);
            }
            if (at != null && rootOf.containsKey(at)) {
                rootOf.put(item, rootOf.get(at));
            }
        }
        return rootOf;
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
