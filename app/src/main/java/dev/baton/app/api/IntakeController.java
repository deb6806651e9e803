package dev.baton.app.api;

import dev.baton.app.json.Json;
import dev.baton.app.security.BatonUser;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.intake.IntakeCommand;
import dev.baton.engine.intake.IntakeRequest;
import dev.baton.engine.intake.RequestId;
import dev.baton.model.Prioritization;
import dev.baton.model.PrioritizationScheme;
import java.net.URI;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Intake: submit a request through a form, the queue ranked by the model's prioritisation scheme
 * (with the score's inputs and arithmetic), and explicit accept, decline or defer decisions.
 */
@RestController
@RequestMapping("/api/v1/intake")
class IntakeController {

    static final List<String> DECISIONS = List.of("accept", "decline", "defer");

    private final Engine engine;
    private final JdbcTemplate jdbc;

    IntakeController(Engine engine, JdbcTemplate jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    @PostMapping("/requests")
    ResponseEntity<Map<String, Object>> submit(@RequestBody(required = false) JsonNode request,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        CommandOptions options = CommandOptions.of(user, null, key, body);
        String id = body.text("id", false);
        IntakeCommand.SubmitRequest command = new IntakeCommand.SubmitRequest(body.text("form", true),
                body.text("title", true), body.fields("fields", false));
        body.check();
        CommandResult.Recorded result = CommandResults.recorded(engine.submit(id == null ? null : new RequestId(id),
                options.commandId(), options.actor(), command));
        return ResponseEntity.created(URI.create("/api/v1/intake/requests/" + result.stream()))
                .eTag("\"" + result.version() + "\"").body(WorkJson.recorded(result, state(result.stream())));
    }

    @GetMapping("/requests")
    List<Map<String, Object>> requests(@RequestParam(required = false) String status) {
        if (status != null && !List.of("open", "accepted", "declined", "deferred").contains(status)) {
            throw ApiException.badRequest("invalid-parameter", "expected status to be open, accepted, declined or "
                    + "deferred, found '" + status + "'");
        }
        // From the intake_requests projection, so a listing never walks the log.
        return jdbc.query("select * , fields::text as fields_json from intake_requests where (?::text is null or status = ?) "
                + "order by submitted_at, id", (rs, n) -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("id", rs.getString("id"));
                    json.put("form", rs.getString("form"));
                    json.put("workType", rs.getString("work_type"));
                    json.put("modelVersion", rs.getInt("model_version"));
                    json.put("version", rs.getLong("version"));
                    json.put("title", rs.getString("title"));
                    json.put("fields", Json.mapper().readTree(rs.getString("fields_json")));
                    json.put("status", rs.getString("status"));
                    json.put("submittedBy", rs.getString("submitted_by"));
                    json.put("submittedAt", rs.getTimestamp("submitted_at").toInstant().toString());
                    json.put("deferredUntil", rs.getString("deferred_until"));
                    json.put("reason", rs.getString("reason"));
                    json.put("itemId", rs.getString("item_id"));
                    json.put("decidedBy", rs.getString("decided_by"));
                    json.put("decidedAt", rs.getTimestamp("decided_at") == null ? null
                            : rs.getTimestamp("decided_at").toInstant().toString());
                    return json;
                }, status, status);
    }

    @GetMapping("/requests/{id}")
    ResponseEntity<Map<String, Object>> request(@PathVariable String id) {
        IntakeRequest request = engine.request(new RequestId(id)).orElseThrow(() -> noRequest(id));
        Map<String, Object> json = WorkJson.request(request);
        json.put("timeline", WorkJson.events(engine.store().read(id)));
        return ResponseEntity.ok().eTag("\"" + request.version() + "\"").body(json);
    }

    /** Open requests and deferred ones whose date has come, best score first, with how each score was computed. */
    @GetMapping("/queue")
    List<Map<String, Object>> queue() {
        List<String> inputs = engine.models().current()
                .map(v -> v.model().intake() == null ? null : v.model().intake().prioritization())
                .map(IntakeController::inputs).orElse(List.of());
        return engine.queue().stream().map(q -> WorkJson.queued(q, inputs)).toList();
    }

    @PostMapping("/requests/{id}/{decision}")
    ResponseEntity<Map<String, Object>> decide(@PathVariable String id, @PathVariable String decision,
                                               @RequestBody(required = false) JsonNode request,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               @AuthenticationPrincipal BatonUser user) {
        if (!DECISIONS.contains(decision)) {
            throw CommandResults.unknownCommand(decision, DECISIONS);
        }
        JsonBody body = JsonBody.of(request);
        CommandOptions options = CommandOptions.of(user, ifMatch, key, body);
        IntakeCommand command = switch (decision) {
            case "accept" -> new IntakeCommand.AcceptRequest(body.text("reason", false));
            case "decline" -> new IntakeCommand.DeclineRequest(body.text("reason", true));
            default -> new IntakeCommand.DeferRequest(body.text("until", false), body.text("reason", true));
        };
        body.check();
        CommandResult.Recorded result = CommandResults.recorded(engine.decide(new RequestId(id),
                options.expectedVersion(), options.commandId(), options.actor(), command));
        return ResponseEntity.ok().eTag("\"" + result.version() + "\"").body(WorkJson.recorded(result, state(id)));
    }

    private Map<String, Object> state(String id) {
        return engine.request(new RequestId(id)).map(WorkJson::request).orElse(null);
    }

    private static List<String> inputs(Prioritization p) {
        if (p == null || p.scheme() == null) {
            return List.of();
        }
        return p.scheme() == PrioritizationScheme.WEIGHTED ? List.copyOf(p.weights().keySet()) : p.scheme().inputs();
    }

    static ApiException noRequest(String id) {
        return ApiException.notFound("not-found", "There is no intake request '" + id + "'");
    }
}
