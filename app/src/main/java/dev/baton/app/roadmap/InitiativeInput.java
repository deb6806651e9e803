package dev.baton.app.roadmap;

import dev.baton.app.api.ApiException;
import dev.baton.app.api.JsonBody;
import dev.baton.app.roadmap.EnteredInitiatives.Entered;
import dev.baton.engine.item.WorkItem;
import dev.baton.model.BusinessFunction;
import dev.baton.model.OperatingModel;
import dev.baton.plan.roadmap.Initiative;
import dev.baton.plan.roadmap.InitiativesFile;
import dev.baton.plan.roadmap.Quarter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * An initiative as entered (a JSON object, from the API or the page's form), checked member by
 * member against the model and the roadmap: every mistake is named with its member ({@code
 * effort.contnt}, {@code dependsOn[1]}) in one 400, and nothing is stored.
 * <pre>
 * {"id": "ebook", "title": "Ebook", "theme": "demand", "value": 40,
 *  "effort": {"content": [30, 20], "design": [10]}, "dependsOn": ["persona-refresh"],
 *  "earliest": "2027-Q2", "deadline": "2027-Q3", "deadlineKind": "hard"}
 * </pre>
 * For the id of a top-level work item, title and value may be left out: the item's title and
 * intake score stand.
 */
final class InitiativeInput {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    static final int MAX_LENGTH = 12;
    static final int MAX_DAYS = 100_000;

    private InitiativeInput() {
    }

    /**
     * @param pathId  the id of the URL (a replacement), or null (the body's)
     * @param items   the top-level work items by id
     * @param others  the entries already stored (the one replaced included)
     */
    static Entered read(JsonNode request, String pathId, OperatingModel model, Map<String, WorkItem> items,
                        List<Entered> others, String actor, Instant now) {
        JsonBody body = JsonBody.of(request);
        String id = pathId;
        String given = body.text("id", pathId == null);
        if (pathId == null) {
            id = given;
        } else if (given != null && !given.equals(pathId)) {
            body.error("id", "expected id '" + pathId + "' as in the address, found '" + given + "'");
        }
        if (id != null && !id.isBlank() && !ID.matcher(id).matches()) {
            body.error("id", "expected an id of letters, digits, '.', '_', ':' or '-' (at most 100), found '" + id + "'");
        }
        WorkItem item = id == null ? null : items.get(id);
        String title = blank(body.text("title", item == null));
        String theme = blank(body.text("theme", false));
        Double value = number(body, "value", item == null);
        Map<String, List<Integer>> effort = effort(body, model);
        List<String> ids = new ArrayList<>(items.keySet());
        others.forEach(o -> ids.add(o.id()));
        List<String> deps = dependsOn(body, id, ids);
        String earliest = quarter(body, "earliest");
        String deadline = quarter(body, "deadline");
        String kind = blank(body.text("deadlineKind", false));
        if (kind != null && !kind.equals("hard") && !kind.equals("soft")) {
            body.error("deadlineKind", "expected deadlineKind hard or soft, found '" + kind + "'");
        }
        if (kind != null && deadline == null && body.get("deadline") == null) {
            body.error("deadlineKind", "expected a deadline with deadlineKind, found none");
        }
        if (earliest != null && deadline != null && Quarter.parse(deadline).orElseThrow()
                .compareTo(Quarter.parse(earliest).orElseThrow()) < 0) {
            body.error("deadline", "expected a deadline no earlier than the earliest start " + earliest + ", found " + deadline);
        }
        body.check();
        Entered entered = new Entered(id, title, theme, value, effort, deps, earliest, deadline, kind == null ? "soft" : kind,
                actor, now, now);
        cycle(entered, others);
        return entered;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Double number(JsonBody body, String name, boolean required) {
        JsonNode v = body.get(name);
        if (v == null) {
            if (required) {
                body.error(name, "expected " + name + " (a number, 0 or more), found nothing");
            }
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
            body.error(name, "expected " + name + " to be a number, 0 or more, found " + JsonBody.kind(v));
            return null;
        }
        return v.asDouble();
    }

    /** Whole person-days per function of the model and quarter offset: {@code {"content": [20, 10]}} or {@code {"design": 5}}. */
    private static Map<String, List<Integer>> effort(JsonBody body, OperatingModel model) {
        Map<String, List<Integer>> effort = new LinkedHashMap<>();
        JsonNode v = body.get("effort");
        if (v == null) {
            return effort;
        }
        if (!v.isObject()) {
            body.error("effort", "expected effort to be an object of person-days per function ({\"content\": [20, 10]}), found "
                    + JsonBody.kind(v));
            return effort;
        }
        List<String> functions = model.functions().stream().map(BusinessFunction::id).toList();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            String member = "effort." + e.getKey();
            if (!functions.contains(e.getKey())) {
                body.error(member, "expected a function of the operating model (" + String.join(", ", functions)
                        + "), found '" + e.getKey() + "'" + dev.baton.model.problem.Suggestions.hint(e.getKey(), functions));
                continue;
            }
            List<JsonNode> days = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(days::add);
            } else {
                days.add(e.getValue());
            }
            if (days.isEmpty() || days.size() > MAX_LENGTH) {
                body.error(member, "expected 1 to " + MAX_LENGTH + " quarters of person-days, found " + days.size());
                continue;
            }
            List<Integer> list = new ArrayList<>();
            for (JsonNode d : days) {
                if (!d.isNumber() || d.asDouble() != Math.rint(d.asDouble()) || d.asDouble() < 0 || d.asDouble() > MAX_DAYS) {
                    body.error(member, "expected whole person-days of " + e.getKey() + " from 0 to " + MAX_DAYS
                            + " per quarter, found " + JsonBody.kind(d));
                    list = null;
                    break;
                }
                list.add((int) d.asDouble());
            }
            if (list != null && list.stream().anyMatch(d -> d > 0)) {
                effort.put(e.getKey(), List.copyOf(list));
            }
        }
        return effort;
    }

    private static List<String> dependsOn(JsonBody body, String id, List<String> known) {
        JsonNode v = body.get("dependsOn");
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            body.error("dependsOn", "expected dependsOn to be a list of initiative ids, found " + JsonBody.kind(v));
            return List.of();
        }
        List<String> deps = new ArrayList<>();
        for (int k = 0; k < v.size(); k++) {
            JsonNode d = v.get(k);
            String member = "dependsOn[" + k + "]";
            if (!d.isString()) {
                body.error(member, "expected an initiative id, found " + JsonBody.kind(d));
            } else if (d.asString().equals(id)) {
                body.error(member, "expected another initiative, found '" + id + "' itself");
            } else if (!known.contains(d.asString())) {
                body.error(member, "expected an initiative of the roadmap (entered, or a top-level work item), found '"
                        + d.asString() + "'" + dev.baton.model.problem.Suggestions.hint(d.asString(), known));
            } else if (!deps.contains(d.asString())) {
                deps.add(d.asString());
            }
        }
        return List.copyOf(deps);
    }

    private static String quarter(JsonBody body, String name) {
        String text = blank(body.text(name, false));
        if (text == null) {
            return null;
        }
        return Quarter.parse(text).map(Quarter::toString).orElseGet(() -> {
            body.error(name, "expected " + name + " to be a quarter such as 2027-Q3, found '" + text + "'");
            return null;
        });
    }

    /** Refuses an entry that would close a cycle of dependencies among the entries. */
    private static void cycle(Entered entered, List<Entered> others) {
        List<Initiative> all = new ArrayList<>();
        for (Entered o : others) {
            if (!o.id().equals(entered.id())) {
                all.add(new Initiative(o.id(), o.id(), "", 0, Map.of(), o.dependsOn(), null, null, null));
            }
        }
        all.add(0, new Initiative(entered.id(), entered.id(), "", 0, Map.of(), entered.dependsOn(), null, null, null));
        List<String> trail = InitiativesFile.cycleOf(all);
        if (!trail.isEmpty()) {
            String message = "expected dependencies without a cycle, found " + String.join(" -> ", trail);
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-input", message)
                    .with("errors", List.of(Map.of("member", "dependsOn", "message", message)));
        }
    }
}
