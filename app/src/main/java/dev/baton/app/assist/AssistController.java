package dev.baton.app.assist;

import dev.baton.app.api.ApiException;
import dev.baton.app.api.CommandOptions;
import dev.baton.app.api.CommandResults;
import dev.baton.app.api.JsonBody;
import dev.baton.app.api.WorkJson;
import dev.baton.app.security.BatonUser;
import dev.baton.app.web.WeeklyReports;
import dev.baton.assist.narrative.WeeklyNarrative;
import dev.baton.assist.themes.Themes;
import dev.baton.insight.weekly.Audience;
import dev.baton.insight.weekly.Week;
import java.time.ZoneOffset;
import dev.baton.assist.Assistant;
import dev.baton.assist.gate.Gate;
import dev.baton.assist.json.AssistJson;
import dev.baton.assist.provider.ProviderException;
import dev.baton.assist.variants.VariantRequest;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.assist.AssistDraft;
import dev.baton.engine.item.WorkItemId;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * The assistants over HTTP (docs/api.md, "Assistants"): the gate of each assistant with its
 * failing conditions and fixes, an admin's enabling with a reason, brief drafts offered and then
 * accepted (the person's own create command) or discarded, similar requests with a routing
 * suggestion, item summaries, and the leverage ledger.
 */
@RestController
@RequestMapping("/api/v1/assist")
class AssistController {

    private final Assistants assistants;
    private final DraftDecisions decisions;
    private final Engine engine;
    private final WeeklyReports weekly;
    private final PostMortemThemes themes;

    AssistController(Assistants assistants, DraftDecisions decisions, Engine engine, WeeklyReports weekly,
                     PostMortemThemes themes) {
        this.assistants = assistants;
        this.decisions = decisions;
        this.engine = engine;
        this.weekly = weekly;
        this.themes = themes;
    }

    /** The narrative on top of a week's status report (everyone's): the report's facts as sentences, each citing its lines. */
    @GetMapping("/weekly-narrative")
    Map<String, Object> narrative(@RequestParam(required = false) String week) {
        Week chosen;
        try {
            chosen = week == null ? weekly.lastCompleteWeek(ZoneOffset.UTC).orElse(null) : Week.parse(week.strip(), ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getMessage().replace("--", ""));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("week", chosen == null ? null : chosen.key());
        List<Object> sentences = new ArrayList<>();
        if (chosen != null) {
            for (WeeklyNarrative.Sentence s : WeeklyNarrative.of(weekly.report(Audience.EVERYONE, chosen))) {
                Map<String, Object> sentence = new LinkedHashMap<>();
                sentence.put("text", s.text());
                sentence.put("citations", s.citations().stream().map(c -> {
                    Map<String, Object> cited = new LinkedHashMap<>();
                    cited.put("ref", c.ref());
                    cited.put("section", c.section());
                    cited.put("item", c.item());
                    cited.put("title", c.title());
                    return cited;
                }).toList());
                sentences.add(sentence);
            }
        }
        json.put("sentences", sentences);
        return json;
    }

    /** Post-mortem findings and rejection reasons grouped by meaning, each theme with its items. */
    @GetMapping("/themes")
    Map<String, Object> themes() {
        List<Object> list = new ArrayList<>();
        for (Themes.Theme t : themes.themes()) {
            Map<String, Object> theme = new LinkedHashMap<>();
            theme.put("name", t.name());
            theme.put("items", t.items());
            theme.put("findings", t.findings().stream().map(f -> {
                Map<String, Object> finding = new LinkedHashMap<>();
                finding.put("item", f.item());
                finding.put("title", f.title());
                finding.put("kind", f.kind());
                finding.put("text", f.text());
                finding.put("ref", f.ref());
                return finding;
            }).toList());
            list.add(theme);
        }
        return Map.of("themes", list);
    }

    /** Every assistant's gate: the intake's, and for each work type (or the one asked for) its own. */
    @GetMapping("/gates")
    List<Map<String, Object>> gates(@RequestParam(required = false) String workType) {
        return answer(() -> {
            List<Map<String, Object>> gates = new ArrayList<>();
            List<String> types = workType != null ? List.of(assistants.workType(workType).id())
                    : assistants.model().workTypes().stream().map(w -> w.id()).toList();
            for (Assistant a : Assistant.values()) {
                if (a.scope() == Assistant.Scope.INTAKE) {
                    gates.add(AssistJson.gate(assistants.gate(a, null)));
                } else {
                    types.forEach(t -> gates.add(AssistJson.gate(assistants.gate(a, t))));
                }
            }
            return gates;
        });
    }

    @PostMapping("/enablements")
    ResponseEntity<Map<String, Object>> enable(@RequestBody(required = false) JsonNode request,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        String assistant = body.text("assistant", true);
        String workType = body.text("workType", false);
        String reason = body.text("reason", true);
        body.check();
        Assistant a = assistant(assistant);
        return answer(() -> {
            CommandResult.Recorded r = CommandResults.recorded(decisions.enable(user, a, workType, reason, id(user, key, body)));
            Map<String, Object> json = new LinkedHashMap<>(AssistJson.gate(assistants.gate(a, workType)));
            json.put("stream", r.stream());
            return ResponseEntity.status(HttpStatus.CREATED).body(json);
        });
    }

    @PostMapping("/drafts")
    ResponseEntity<Map<String, Object>> draft(@RequestBody(required = false) JsonNode request,
                                              @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                              @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        String workType = body.text("workType", true);
        String text = body.text("request", true);
        body.check();
        if (text.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-body", "expected a request text, found an empty 'request'");
        }
        return answer(() -> {
            DraftDecisions.OfferedBrief offered = decisions.offerBrief(user, workType, text, id(user, key, body));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", offered.draft());
            json.putAll(AssistJson.draft(offered.gate(), assistants.provider(), offered.brief()));
            return ResponseEntity.created(URI.create("/api/v1/assist/drafts/" + offered.draft())).body(json);
        });
    }

    @GetMapping("/drafts/{id}")
    Map<String, Object> draft(@PathVariable String id) {
        return draftJson(decisions.draft(id).orElseThrow(() -> noDraft(id)));
    }

    @PostMapping("/drafts/{id}/accept")
    ResponseEntity<Map<String, Object>> accept(@PathVariable String id, @RequestBody(required = false) JsonNode request,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        String title = body.text("title", false);
        Map<String, Object> fields = body.fields("fields", false);
        body.check();
        String commandId = id(user, key, body);
        CommandResult.Recorded r = CommandResults.recorded(decisions.accept(user, id, title,
                body.get("fields") == null ? null : fields, commandId));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("draft", draftJson(decisions.draft(id).orElseThrow(() -> noDraft(id))));
        String item = decisions.draft(id).map(AssistDraft::item).orElse(null);
        json.put("item", item == null ? null : engine.item(new WorkItemId(item)).map(WorkJson::item).orElse(null));
        return ResponseEntity.ok().eTag("\"" + r.version() + "\"").body(json);
    }

    @PostMapping("/drafts/{id}/discard")
    Map<String, Object> discard(@PathVariable String id, @RequestBody(required = false) JsonNode request,
                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        String reason = body.text("reason", false);
        String commandId = id(user, key, body);
        CommandResults.recorded(decisions.discard(user, id, reason, commandId));
        return draftJson(decisions.draft(id).orElseThrow(() -> noDraft(id)));
    }

    @PostMapping("/similar")
    Map<String, Object> similar(@RequestBody(required = false) JsonNode request) {
        JsonBody body = JsonBody.of(request);
        String text = body.text("request", true);
        Long top = body.whole("top");
        body.check();
        if (text.isBlank() || top != null && (top < 1 || top > 50)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-body", text.isBlank()
                    ? "expected a request text, found an empty 'request'" : "expected 'top' between 1 and 50, found " + top);
        }
        return answer(() -> {
            Gate gate = assistants.allowed(Assistant.SIMILAR_REQUESTS, null);
            Assistants.Similar s = assistants.similar(text, top == null ? 5 : top.intValue());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("query", text);
            json.put("compared", s.compared());
            json.put("override", gate.override());
            json.put("matches", AssistJson.matches(s.matches()));
            json.put("routing", AssistJson.routing(s.routing()));
            return json;
        });
    }

    @PostMapping("/items/{id}/summary")
    ResponseEntity<Map<String, Object>> summary(@PathVariable String id,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                @AuthenticationPrincipal BatonUser user) {
        return answer(() -> {
            DraftDecisions.OfferedSummary s = decisions.offerSummary(user, id, id(user, key, JsonBody.of(null)));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("draft", s.draft());
            json.put("override", s.gate().override());
            json.putAll(AssistJson.summary(s.summary()));
            return ResponseEntity.status(HttpStatus.CREATED).body(json);
        });
    }

    /**
     * The item's brief per audience segment by the configured model, each variant a draft offered;
     * 503 {@code not-configured} offline, 409 {@code no-owner} without one owner of audience and of
     * messaging ({@code no-brief} for an item with no text), nothing recorded in any of them.
     */
    @PostMapping("/items/{id}/variants")
    ResponseEntity<Map<String, Object>> variants(@PathVariable String id, @RequestBody(required = false) JsonNode request,
                                                 @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                 @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        JsonNode listed = body.get("segments");
        List<String> segments = new ArrayList<>();
        if (listed == null || !listed.isArray()) {
            body.error("segments", "expected segments (a list of audience segments), found "
                    + (listed == null ? "nothing" : JsonBody.kind(listed)));
        } else {
            listed.forEach(s -> {
                if (s.isString()) {
                    segments.add(s.asString());
                } else {
                    body.error("segments", "expected each segment to be text, found " + JsonBody.kind(s));
                }
            });
        }
        String commandId = id(user, key, body);
        List<String> named;
        try {
            named = VariantRequest.segments(segments);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-body", e.getMessage() + " in 'segments'");
        }
        return answer(() -> {
            DraftDecisions.OfferedVariants v;
            try {
                v = decisions.offerVariants(user, id, named, commandId);
            } catch (DraftDecisions.VariantsUnavailable e) {
                throw new ApiException(DraftDecisions.VariantsUnavailable.NOT_CONFIGURED.equals(e.problem())
                        ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.CONFLICT, e.problem(), e.getMessage());
            }
            Map<String, Object> json = new LinkedHashMap<>(AssistJson.variants(v.request(), v.gate(), v.variants()));
            json.put("drafts", v.drafts());
            return ResponseEntity.status(HttpStatus.CREATED).body(json);
        });
    }

    @GetMapping("/ledger")
    Map<String, Object> ledger() {
        return AssistJson.ledger("Baton's event log", assistants.ledger(), assistants.beforeAfter());
    }

    static Map<String, Object> draftJson(AssistDraft d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.id());
        json.put("assistant", d.assistant());
        json.put("workType", d.workType());
        json.put("offeredTo", d.offeredTo());
        json.put("offeredAt", d.offeredAt() == null ? null : d.offeredAt().toString());
        json.put("provider", d.offer() == null ? null : d.offer().provider());
        json.put("fields", d.offer() == null ? Map.of() : d.offer().fields());
        json.put("missing", d.offer() == null ? List.of() : d.offer().missing());
        json.put("override", d.offer() == null ? null : d.offer().override());
        json.put("decision", d.decision());
        json.put("decidedBy", d.decidedBy());
        json.put("decidedAt", d.decidedAt() == null ? null : d.decidedAt().toString());
        json.put("item", d.item());
        return json;
    }

    /** The command id of the API's commands: the Idempotency-Key, scoped to the user; checks the body's mistakes. */
    private static String id(BatonUser user, String key, JsonBody body) {
        String commandId = CommandOptions.of(user, null, key, body).commandId();
        body.check();
        return commandId;
    }

    private static Assistant assistant(String id) {
        return Assistant.byId(id).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "invalid-body",
                "expected 'assistant' to be one of " + String.join(", ", java.util.Arrays.stream(Assistant.values())
                        .map(Assistant::id).toList()) + ", found '" + id + "'"));
    }

    private static ApiException noDraft(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "There is no draft '" + id + "'");
    }

    /**
     * The assistants' refusals as problems: not ready (409, each failing condition), unknown work type or
     * item (404), the model server's failure (429 for a rate limit or the budget, otherwise 503).
     */
    private <T> T answer(Supplier<T> call) {
        try {
            return call.get();
        } catch (Assistants.NotReady e) {
            ApiException problem = new ApiException(HttpStatus.CONFLICT, "not-ready", e.getMessage());
            if (e.gate() != null) {
                problem.with("gate", AssistJson.gate(e.gate()));
            }
            throw problem;
        } catch (Assistants.UnknownWorkType | DraftDecisions.NoSuchThing e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
        } catch (Assistants.ProviderFailed e) {
            // the model server's trouble, not the caller's mistake, and not Baton's: try again later, or offline
            HttpStatus status = e.failure() == ProviderException.Failure.OUT_OF_BUDGET
                    || e.failure() == ProviderException.Failure.RATE_LIMITED ? HttpStatus.TOO_MANY_REQUESTS
                    : HttpStatus.SERVICE_UNAVAILABLE;
            throw new ApiException(status, "provider-failed", e.getMessage()).with("failure", e.failure().id())
                    .with("provider", assistants.provider());
        }
    }
}
