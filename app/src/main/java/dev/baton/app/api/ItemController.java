package dev.baton.app.api;

import dev.baton.app.security.BatonUser;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemCommand;
import dev.baton.engine.item.WorkItemId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
 * Work items: list (from the {@code items} projection), one item with its timeline, create, and
 * every command of {@link WorkItemCommand#NAMES} as {@code POST /api/v1/items/{id}/{command}}.
 * The engine decides every command against the item's model version; this class only translates.
 */
@RestController
@RequestMapping("/api/v1/items")
class ItemController {

    static final int MAX_LIMIT = 1000;

    private final Engine engine;
    private final JdbcTemplate jdbc;

    ItemController(Engine engine, JdbcTemplate jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    @GetMapping
    List<Map<String, Object>> list(@RequestParam(required = false) String workType,
                                   @RequestParam(required = false) String stage,
                                   @RequestParam(required = false) String owner,
                                   @RequestParam(required = false) Boolean blocked,
                                   @RequestParam(required = false) Boolean urgent,
                                   @RequestParam(required = false) Boolean completed,
                                   @RequestParam(defaultValue = "100") int limit,
                                   @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw ApiException.badRequest("invalid-parameter", "expected limit between 1 and " + MAX_LIMIT
                    + " and offset of at least 0, found limit " + limit + ", offset " + offset);
        }
        StringBuilder sql = new StringBuilder("select id, work_type, model_version, version, title, stage, owner, "
                + "fields::text as fields, parent, from_request, blocked, block_reason, urgent, completed, created_at, "
                + "updated_at from items where true");
        List<Object> args = new ArrayList<>();
        filter(sql, args, "work_type", workType);
        filter(sql, args, "stage", stage);
        filter(sql, args, "owner", owner);
        filter(sql, args, "blocked", blocked);
        filter(sql, args, "urgent", urgent);
        filter(sql, args, "completed", completed);
        sql.append(" order by created_at, id limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), (rs, n) -> {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("id", rs.getString("id"));
            json.put("workType", rs.getString("work_type"));
            json.put("modelVersion", rs.getInt("model_version"));
            json.put("version", rs.getLong("version"));
            json.put("title", rs.getString("title"));
            json.put("stage", rs.getString("stage"));
            json.put("owner", rs.getString("owner"));
            json.put("fields", dev.baton.app.json.Json.mapper().readTree(rs.getString("fields")));
            json.put("parent", rs.getString("parent"));
            json.put("fromRequest", rs.getString("from_request"));
            json.put("blocked", rs.getBoolean("blocked"));
            json.put("blockedReason", rs.getString("block_reason"));
            json.put("urgent", rs.getBoolean("urgent"));
            json.put("completed", rs.getBoolean("completed"));
            json.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
            json.put("updatedAt", rs.getTimestamp("updated_at").toInstant().toString());
            return json;
        }, args.toArray());
    }

    private static void filter(StringBuilder sql, List<Object> args, String column, Object value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> get(@PathVariable String id) {
        WorkItem item = engine.item(new WorkItemId(id)).orElseThrow(() -> noItem(id));
        Map<String, Object> json = WorkJson.item(item);
        json.put("timeline", WorkJson.events(engine.history(item.id())));
        return ResponseEntity.ok().eTag("\"" + item.version() + "\"").body(json);
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode request,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        CommandOptions options = CommandOptions.of(user, null, key, body);
        String id = body.text("id", false);
        WorkItemCommand.CreateItem command = (WorkItemCommand.CreateItem) WorkItemCommands.parse("create", body);
        CommandResult.Recorded result = CommandResults.recorded(engine.create(id == null ? null : new WorkItemId(id),
                options.commandId(), options.actor(), command));
        return ResponseEntity.created(URI.create("/api/v1/items/" + result.stream()))
                .eTag("\"" + result.version() + "\"").body(WorkJson.recorded(result, state(result.stream())));
    }

    @PostMapping("/{id}/{command}")
    ResponseEntity<Map<String, Object>> command(@PathVariable String id, @PathVariable String command,
                                                @RequestBody(required = false) JsonNode request,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                @AuthenticationPrincipal BatonUser user) {
        if (!WorkItemCommand.NAMES.contains(command) || "create".equals(command)) {
            throw CommandResults.unknownCommand(command, WorkItemCommand.NAMES.subList(1, WorkItemCommand.NAMES.size()));
        }
        JsonBody body = JsonBody.of(request);
        CommandOptions options = CommandOptions.of(user, ifMatch, key, body);
        WorkItemCommand parsed = WorkItemCommands.parse(command, body);
        CommandResult.Recorded result = CommandResults.recorded(engine.handle(new WorkItemId(id),
                options.expectedVersion(), options.commandId(), options.actor(), parsed));
        return ResponseEntity.ok().eTag("\"" + result.version() + "\"").body(WorkJson.recorded(result, state(id)));
    }

    private Map<String, Object> state(String id) {
        return engine.item(new WorkItemId(id)).map(WorkJson::item).orElse(null);
    }

    static ApiException noItem(String id) {
        return ApiException.notFound("not-found", "There is no work item '" + id + "'");
    }
}
