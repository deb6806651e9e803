package dev.baton.app.migration;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventCodec;
import dev.baton.engine.migration.ItemMigration;
import dev.baton.engine.migration.MigrationPlan;
import dev.baton.engine.migration.MigrationProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A migration plan as JSON: the same shape for the API, the page and {@code baton migrate --format json}. */
public final class MigrationJson {

    private static final EventCodec CODEC = new EventCodec();

    private MigrationJson() {
    }

    public static Map<String, Object> plan(MigrationPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fromVersion", plan.fromVersion());
        m.put("toVersion", plan.toVersion());
        m.put("map", plan.map().texts());
        m.put("moves", plan.count(ItemMigration.Status.MOVES));
        m.put("alreadyMigrated", plan.count(ItemMigration.Status.ALREADY_MIGRATED));
        m.put("refused", plan.count(ItemMigration.Status.REFUSED));
        m.put("completedStay", plan.completed());
        m.put("items", plan.items().stream().map(MigrationJson::item).toList());
        return m;
    }

    static Map<String, Object> item(ItemMigration i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", i.item());
        m.put("workType", i.workType());
        m.put("title", i.title());
        m.put("fromStage", i.fromStage());
        m.put("toStage", i.toStage());
        m.put("status", i.status().id());
        m.put("reason", i.refusal() == null ? null : i.refusal().reason().id());
        m.put("detail", i.refusal() == null ? null : i.refusal().sentence());
        return m;
    }

    /** Each problem with where it is and what was expected. */
    public static List<Map<String, Object>> problems(List<MigrationProblem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("where", p.where());
            m.put("message", p.what());
            return m;
        }).toList();
    }

    /** The items refused, for a request that named them and was refused whole. */
    public static List<Map<String, Object>> refused(MigrationPlan plan) {
        return plan.items().stream().filter(i -> i.status() == ItemMigration.Status.REFUSED)
                .map(MigrationJson::item).toList();
    }

    /** The events recorded, in the layout of docs/event-log.md. */
    public static List<JsonNode> events(List<RecordedEvent> events) {
        return events.stream().map(e -> (JsonNode) CODEC.toJson(e)).toList();
    }
}
