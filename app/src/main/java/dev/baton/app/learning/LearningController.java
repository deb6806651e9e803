package dev.baton.app.learning;

import dev.baton.app.api.ApiException;
import dev.baton.app.api.CommandOptions;
import dev.baton.app.api.CommandResults;
import dev.baton.app.api.JsonBody;
import dev.baton.app.api.WorkItemCommands;
import dev.baton.app.api.WorkJson;
import dev.baton.app.json.ProblemJson;
import dev.baton.app.learning.LearningLog.InsightRow;
import dev.baton.app.learning.LearningLog.PostMortemRow;
import dev.baton.app.learning.LearningLog.ProposalRow;
import dev.baton.app.security.BatonUser;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemCommand.CreateItem;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.learning.Insight;
import dev.baton.engine.learning.LearningCommand;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.insight.learning.PostMortemFacts;
import dev.baton.model.change.ProposedChange;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The API of learning loops (docs/learning-loops.md): post-mortems pre-filled from the log, the
 * insight log and its search, follow-up work, proposed model changes with their diff and the model
 * owner's decision, and the loop's figures. The engine decides and records; accepting and declining
 * a change is for ops and admins (SecurityConfig), as uploading a model is.
 */
@RestController
class LearningController {

    static final int MAX_LIMIT = 500;
    static final Set<String> STATUSES = Set.of("open", "accepted", "declined");

    private final Engine engine;
    private final ModelVersions versions;
    private final LearningLog log;
    private final PostMortemDrafts drafts;

    LearningController(Engine engine, ModelVersions versions, LearningLog log, PostMortemDrafts drafts) {
        this.engine = engine;
        this.versions = versions;
        this.log = log;
        this.drafts = drafts;
    }

    @GetMapping("/api/v1/post-mortems")
    List<Map<String, Object>> postMortems(@RequestParam(required = false) String status,
                                          @RequestParam(defaultValue = "100") int limit) {
        limit(limit, 0);
        if (status != null && !Set.of("offered", "written").contains(status)) {
            throw parameter("status", "expected status offered or written, found '" + status + "'");
        }
        List<Map<String, Object>> list = new ArrayList<>();
        if (!"written".equals(status)) {
            versions.current().ifPresent(v -> log.offered(PostMortemDrafts.offeredWorkTypes(v.model()), limit)
                    .forEach(o -> list.add(LearningJson.offered(o))));
        }
        if (!"offered".equals(status)) {
            log.postMortems(limit).forEach(p -> list.add(LearningJson.listed(p)));
        }
        return list.size() > limit ? list.subList(0, limit) : list;
    }

    @GetMapping("/api/v1/post-mortems/{item}")
    ResponseEntity<Map<String, Object>> postMortem(@PathVariable String item) {
        Map<String, Object> json = postMortemJson(item);
        Object written = json.get("written");
        long version = written == null ? 0 : (Long) ((Map<?, ?>) written).get("version");
        return ResponseEntity.ok().eTag("\"" + version + "\"").body(json);
    }

    @PutMapping("/api/v1/post-mortems/{item}")
    ResponseEntity<Map<String, Object>> writePostMortem(@PathVariable String item, @RequestBody(required = false) JsonNode request,
                                                        @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                        @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                        @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        CommandOptions options = CommandOptions.of(user, ifMatch, key, body);
        String wentWell = body.text("wentWell", false);
        String toChange = body.text("toChange", false);
        body.check();
        PostMortemFacts facts = drafts.facts(item).orElseThrow(() -> noItem(item));
        CommandResult.Recorded result = CommandResults.recorded(engine.learning().writePostMortem(options.expectedVersion(),
                options.commandId(), options.actor(), new LearningCommand.WritePostMortem(item, wentWell, toChange,
                        facts.sentences())));
        return ResponseEntity.status(result.version() == 1 && !result.replayed() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag("\"" + result.version() + "\"").body(postMortemJson(item));
    }

    @GetMapping("/api/v1/insights")
    List<Map<String, Object>> insights(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                                       @RequestParam(required = false) String source,
                                       @RequestParam(defaultValue = "100") int limit,
                                       @RequestParam(defaultValue = "0") int offset) {
        limit(limit, offset);
        if (source != null && !Insight.SOURCES.contains(source)) {
            throw parameter("source", "expected source " + String.join(", ", Insight.SOURCES) + ", found '" + source + "'");
        }
        return log.insights(new LearningLog.Search(blank(q), blank(tag), source, limit, offset)).stream()
                .map(LearningJson::insight).toList();
    }

    @GetMapping("/api/v1/insights/loop")
    Map<String, Object> loop() {
        return LearningJson.loop(log.loop());
    }

    @PostMapping("/api/v1/insights")
    ResponseEntity<Map<String, Object>> recordInsight(@RequestBody(required = false) JsonNode request,
                                                      @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                      @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        CommandOptions options = CommandOptions.of(user, null, key, body);
        String title = body.text("title", true);
        String finding = body.text("finding", false);
        List<String> tags = texts(body, "tags");
        String source = body.text("source", false);
        String sourceRef = body.text("sourceRef", false);
        JsonNode change = body.get("change");
        if (change != null && !change.isObject()) {
            body.error("change", "expected change to be an object (kind and its members), found " + JsonBody.kind(change));
        }
        body.check();
        ChangeCheck check = change == null ? null : checked(change, "change.");
        CommandResult.Recorded result = CommandResults.recorded(engine.learning().recordInsight(options.commandId(),
                options.actor(), new LearningCommand.RecordInsight(title, finding, tags, source, sourceRef,
                        check == null ? null : check.change())));
        return ResponseEntity.created(URI.create("/api/v1/insights/" + result.stream())).body(insightJson(result.stream()));
    }

    @GetMapping("/api/v1/insights/{id}")
    Map<String, Object> insight(@PathVariable String id) {
        return insightJson(id);
    }

    @PostMapping("/api/v1/insights/{id}/follow-ups")
    ResponseEntity<Map<String, Object>> followUp(@PathVariable String id, @RequestBody(required = false) JsonNode request,
                                                 @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                 @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        CommandOptions options = CommandOptions.of(user, null, key, body);
        String itemId = body.text("id", false);
        CreateItem parsed = (CreateItem) WorkItemCommands.parse("create", body);
        CreateItem create = new CreateItem(parsed.workType(), parsed.title(), parsed.fields(), parsed.parent(), null);
        CommandResult.Recorded result = CommandResults.recorded(engine.learning().createFollowUp(id,
                itemId == null ? null : new WorkItemId(itemId), options.commandId(), options.actor(),
                new LearningCommand.CreateFollowUp(create)));
        Map<String, Object> state = engine.item(new WorkItemId(result.stream())).map(WorkJson::item).orElse(null);
        return ResponseEntity.created(URI.create("/api/v1/items/" + result.stream())).eTag("\"" + result.version() + "\"")
                .body(WorkJson.recorded(result, state));
    }

    @PostMapping("/api/v1/insights/{id}/proposals")
    ResponseEntity<Map<String, Object>> propose(@PathVariable String id, @RequestBody(required = false) JsonNode request,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        CommandOptions options = CommandOptions.of(user, null, key, body);
        body.check();
        if (engine.learning().insight(id).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "There is no insight '" + id + "'");
        }
        ChangeCheck check = checked(request, "");
        CommandResult.Recorded result = CommandResults.recorded(engine.learning().propose(id, options.commandId(),
                options.actor(), new LearningCommand.ProposeModelChange(check.change())));
        return ResponseEntity.created(URI.create("/api/v1/model-changes/" + result.stream())).body(proposalJson(result.stream()));
    }

    @GetMapping("/api/v1/model-changes")
    List<Map<String, Object>> proposals(@RequestParam(required = false) String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw parameter("status", "expected status open, accepted or declined, found '" + status + "'");
        }
        return log.proposals(status, null).stream().map(LearningJson::proposal).toList();
    }

    @GetMapping("/api/v1/model-changes/{id}")
    ResponseEntity<Map<String, Object>> proposal(@PathVariable String id) {
        Map<String, Object> json = proposalJson(id);
        return ResponseEntity.ok().eTag("\"" + json.get("version") + "\"").body(json);
    }

    @PostMapping("/api/v1/model-changes/{id}/accept")
    Map<String, Object> accept(@PathVariable String id, @RequestBody(required = false) JsonNode request,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                               @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        CommandOptions options = CommandOptions.of(user, ifMatch, key, body);
        body.check();
        CommandResults.recorded(engine.learning().accept(id, options.expectedVersion(), options.commandId(), options.actor(),
                new LearningCommand.AcceptModelChange()));
        return proposalJson(id);
    }

    @PostMapping("/api/v1/model-changes/{id}/decline")
    Map<String, Object> decline(@PathVariable String id, @RequestBody(required = false) JsonNode request,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        CommandOptions options = CommandOptions.of(user, ifMatch, key, body);
        String reason = body.text("reason", true);
        body.check();
        CommandResults.recorded(engine.learning().decline(id, options.expectedVersion(), options.commandId(), options.actor(),
                new LearningCommand.DeclineModelChange(reason)));
        return proposalJson(id);
    }

    private Map<String, Object> postMortemJson(String item) {
        PostMortemFacts facts = drafts.facts(item).orElseThrow(() -> noItem(item));
        WorkItem state = drafts.item(item).orElseThrow(() -> noItem(item));
        boolean offered = versions.current().map(v -> PostMortemDrafts.offeredWorkTypes(v.model()).contains(state.workType()))
                .orElse(false);
        PostMortemRow written = log.postMortem(item).orElse(null);
        return LearningJson.postMortem(facts, state.completed(), offered, written, log.fromPostMortem(item));
    }

    private Map<String, Object> insightJson(String id) {
        InsightRow row = log.insight(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not-found",
                "There is no insight '" + id + "'"));
        return LearningJson.insightWithTrail(row);
    }

    private Map<String, Object> proposalJson(String id) {
        ProposalRow row = log.proposal(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not-found",
                "There is no proposed model change '" + id + "'"));
        ProposalPreview preview = null;
        if ("open".equals(row.status())) {
            ModelVersion current = versions.current().orElseThrow();
            ProposedChange.Read read = ProposedChange.read(row.change());
            preview = read.ok() ? ProposalPreview.of(read.change(), row.baseVersion(), current) : null;
        }
        return LearningJson.proposal(row, preview);
    }

    /** The change's members checked against the current model: a 400 or 422 problem, nothing recorded, when it can't be proposed. */
    private ChangeCheck checked(JsonNode members, String prefix) {
        ModelVersion current = versions.current().orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no-model",
                "No operating model has been uploaded yet"));
        Map<String, Object> plain = new LinkedHashMap<>();
        if (members != null && members.isObject()) {
            members.properties().forEach(e -> plain.put(e.getKey(), JsonBody.plain(e.getValue())));
        }
        ChangeCheck check = ChangeCheck.of(plain, current);
        if (check.ok()) {
            return check;
        }
        if (check.problem().equals("invalid-input")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-input", check.detail())
                    .with("errors", check.mistakes().stream().map(m -> Map.of("member", prefix + m.member(),
                            "message", m.message())).toList());
        }
        if (check.problem().equals("invalid-model")) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-model", check.detail())
                    .with("errors", ProblemJson.problems(check.preview().written().report().errors()))
                    .with("warnings", ProblemJson.problems(check.preview().written().report().warnings()));
        }
        throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "change-refused", check.detail());
    }

    private static List<String> texts(JsonBody body, String name) {
        JsonNode value = body.get(name);
        List<String> texts = new ArrayList<>();
        if (value == null) {
            return texts;
        }
        if (!value.isArray()) {
            body.error(name, "expected " + name + " to be a list of component ids, found " + JsonBody.kind(value));
            return texts;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isString() && !value.get(i).asString().isBlank()) {
                texts.add(value.get(i).asString().strip());
            } else {
                body.error(name + "[" + i + "]", "expected " + name + " to hold component ids (text), found "
                        + JsonBody.kind(value.get(i)));
            }
        }
        return texts;
    }

    private static void limit(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "expected limit between 1 and " + MAX_LIMIT
                    + " and offset of at least 0, found limit " + limit + ", offset " + offset);
        }
    }

    private static ApiException parameter(String name, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", message).with("parameter", name);
    }

    private static ApiException noItem(String item) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "There is no work item '" + item + "' to review");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
