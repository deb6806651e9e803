package dev.baton.app.api;

import dev.baton.app.migration.MigrationJson;
import dev.baton.app.security.BatonUser;
import dev.baton.engine.Engine;
import dev.baton.engine.Rejection;
import dev.baton.engine.migration.MigrationPlan;
import dev.baton.engine.migration.MigrationProblem;
import dev.baton.engine.migration.MigrationRequest;
import dev.baton.engine.migration.MigrationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Migrating work in flight to another model version: a preview says which open items of the old
 * version move to which stage of the new one and which cannot (with a reason); applying records an
 * {@code ItemMigrated} for every item that moves, in one transaction. Ops and admins only
 * (SecurityConfig). The engine decides; this class only translates.
 */
@RestController
@RequestMapping("/api/v1/migrations")
class MigrationController {

    private final Engine engine;

    MigrationController(Engine engine) {
        this.engine = engine;
    }

    @PostMapping(path = "/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> preview(@RequestBody(required = false) JsonNode body) {
        MigrationPlan plan = engine.planMigration(request(body));
        refuseProblems(plan);
        return MigrationJson.plan(plan);
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> migrate(@RequestBody(required = false) JsonNode body,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                @AuthenticationPrincipal BatonUser user) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw ApiException.badRequest("invalid-input", "expected an Idempotency-Key of 1 to 200 characters");
        }
        MigrationResult result = engine.migrate(request(body), new dev.baton.engine.Actor(user.personId()),
                key == null ? null : user.username() + ":migration:" + key);
        refuseProblems(result.plan());
        if (!result.applied()) {
            Rejection r = result.refusal();
            HttpStatus status = r.code() == Rejection.Code.STALE_VERSION ? HttpStatus.CONFLICT
                    : HttpStatus.UNPROCESSABLE_CONTENT;
            throw new ApiException(status, r.code() == Rejection.Code.STALE_VERSION ? "stale-version" : "migration-refused",
                    r.sentence()).with("items", MigrationJson.refused(result.plan()));
        }
        Map<String, Object> json = MigrationJson.plan(result.plan());
        json.put("migrated", result.recorded().size());
        json.put("events", MigrationJson.events(result.recorded()));
        return ResponseEntity.status(result.recorded().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED).body(json);
    }

    /** The request's members, every mistake of their types collected into one 400. */
    private static MigrationRequest request(JsonNode node) {
        JsonBody body = JsonBody.of(node);
        Long from = body.whole("fromVersion");
        Long to = body.whole("toVersion");
        List<String> map = new ArrayList<>();
        JsonNode mapNode = body.get("map");
        if (mapNode != null && mapNode.isObject()) {
            for (Map.Entry<String, JsonNode> e : mapNode.properties()) {
                if (e.getValue().isString()) {
                    map.add(e.getKey() + "=" + e.getValue().asString());
                } else {
                    body.error("map." + e.getKey(), "expected map." + e.getKey() + " to be a stage id (text), found "
                            + e.getValue().getNodeType().name().toLowerCase());
                }
            }
        } else if (mapNode != null && mapNode.isArray()) {
            strings(body, "map", mapNode, map);
        } else if (mapNode != null) {
            body.error("map", "expected map to be an object {\"old-stage\": \"new-stage\"} or a list of "
                    + "\"old-stage=new-stage\", found " + mapNode.getNodeType().name().toLowerCase());
        }
        List<String> items = new ArrayList<>();
        JsonNode itemsNode = body.get("items");
        if (itemsNode != null && itemsNode.isArray()) {
            strings(body, "items", itemsNode, items);
        } else if (itemsNode != null) {
            body.error("items", "expected items to be a list of item ids, found " + itemsNode.getNodeType().name().toLowerCase());
        }
        body.check();
        return new MigrationRequest(from == null ? null : Math.toIntExact(Math.max(Integer.MIN_VALUE,
                Math.min(Integer.MAX_VALUE, from))), to == null ? null : Math.toIntExact(Math.max(Integer.MIN_VALUE,
                Math.min(Integer.MAX_VALUE, to))), map, items);
    }

    private static void strings(JsonBody body, String member, JsonNode array, List<String> into) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isString()) {
                into.add(array.get(i).asString());
            } else {
                body.error(member + "[" + (i + 1) + "]", "expected " + member + "[" + (i + 1) + "] to be text, found "
                        + array.get(i).getNodeType().name().toLowerCase());
            }
        }
    }

    /** A request that cannot be read is a 400; one that names what the models lack, a 422; both say where. */
    private static void refuseProblems(MigrationPlan plan) {
        if (plan.valid()) {
            return;
        }
        boolean malformed = plan.problems().stream().anyMatch(p -> p.kind() == MigrationProblem.Kind.MALFORMED);
        List<MigrationProblem> problems = plan.problems();
        String detail = (problems.size() == 1 ? problems.get(0).toString() : problems.size()
                + " mistakes in the migration: " + String.join("; ", problems.stream().map(MigrationProblem::toString)
                .toList())) + "; nothing was migrated";
        throw new ApiException(malformed ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT,
                malformed ? "invalid-migration" : "invalid-mapping", detail).with("errors", MigrationJson.problems(problems));
    }
}
