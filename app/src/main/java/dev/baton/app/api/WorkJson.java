package dev.baton.app.api;

import dev.baton.engine.CommandResult;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.handoff.PendingHandoff;
import dev.baton.engine.intake.IntakeRequest;
import dev.baton.engine.intake.QueuedRequest;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.jsonl.EventCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Work items, requests and events as the API shows them. Events use the JSONL log's layout (docs/event-log.md). */
public final class WorkJson {

    private static final EventCodec CODEC = new EventCodec();

    private WorkJson() {
    }

    public static Map<String, Object> item(WorkItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id().value());
        json.put("workType", item.workType());
        json.put("modelVersion", item.modelVersion());
        json.put("version", item.version());
        json.put("title", item.title());
        json.put("stage", item.stage());
        json.put("owner", item.owner());
        json.put("fields", item.fields());
        json.put("parent", item.parent());
        json.put("fromRequest", item.fromRequest());
        json.put("blocked", item.blocked());
        json.put("blockedReason", item.blockedReason());
        json.put("urgent", item.urgent());
        json.put("completed", item.completed());
        json.put("approvals", Map.of("requested", item.approvals().requested(), "granted", item.approvals().granted()));
        json.put("pendingHandoff", handoff(item.pendingHandoff()));
        json.put("priorityInputs", item.priorityInputs());
        json.put("createdAt", item.createdAt().toString());
        json.put("updatedAt", item.updatedAt().toString());
        json.put("stageEnteredAt", item.stageEnteredAt().toString());
        return json;
    }

    private static Map<String, Object> handoff(PendingHandoff h) {
        if (h == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fromFunction", h.fromFunction());
        json.put("toFunction", h.toFunction());
        json.put("fromStage", h.fromStage());
        json.put("toStage", h.toStage());
        json.put("sentAt", h.sentAt().toString());
        return json;
    }

    static Map<String, Object> request(IntakeRequest r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id().value());
        json.put("form", r.form());
        json.put("workType", r.workType());
        json.put("modelVersion", r.modelVersion());
        json.put("version", r.version());
        json.put("title", r.title());
        json.put("fields", r.fields());
        json.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        json.put("submittedBy", r.submittedBy());
        json.put("submittedAt", r.submittedAt().toString());
        json.put("deferredUntil", r.deferredUntil() == null ? null : r.deferredUntil().toString());
        json.put("reason", r.reason());
        json.put("itemId", r.itemId());
        json.put("decidedBy", r.decidedBy());
        json.put("decidedAt", r.decidedAt() == null ? null : r.decidedAt().toString());
        return json;
    }

    static Map<String, Object> queued(QueuedRequest q, List<String> inputs) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rank", q.rank());
        json.putAll(request(q.request()));
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("scheme", q.score().scheme());
        score.put("value", q.score().value());
        score.put("formula", q.score().formula());
        Map<String, Object> parts = new LinkedHashMap<>();
        inputs.forEach(i -> parts.put(i, q.request().fields().get(i)));
        score.put("inputs", parts);
        json.put("score", score);
        return json;
    }

    static JsonNode event(RecordedEvent e) {
        return CODEC.toJson(e);
    }

    public static List<JsonNode> events(List<RecordedEvent> events) {
        return events.stream().map(WorkJson::event).toList();
    }

    /** What a recorded command answers: the stream's version after it, the events, and whether it was a retry. */
    public static Map<String, Object> recorded(CommandResult.Recorded result, Map<String, Object> state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", result.stream());
        json.put("version", result.version());
        json.put("replayed", result.replayed());
        json.put("events", events(result.events()));
        json.put("state", state);
        return json;
    }
}
