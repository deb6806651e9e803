package dev.baton.app.roadmap;

import dev.baton.app.api.ApiException;
import dev.baton.app.api.JsonBody;
import dev.baton.app.security.BatonUser;
import dev.baton.engine.event.RecordedEvent;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The roadmap through the API (docs/roadmap.md#on-the-server): initiatives entered, the plan with
 * what does not fit and why, a scenario compared with the published plan, and publishing, which
 * only a holder of the model's decision right may do.
 */
@RestController
class RoadmapController {

    private final Roadmaps roadmaps;
    private final RoadmapEntries entries;
    private final CapacityAssumptions assumptions;

    RoadmapController(Roadmaps roadmaps, RoadmapEntries entries, CapacityAssumptions assumptions) {
        this.roadmaps = roadmaps;
        this.entries = entries;
        this.assumptions = assumptions;
    }

    @GetMapping(path = "/api/v1/roadmap/assumptions", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> assumptions() {
        return CapacityAssumptions.json(assumptions.current());
    }

    @PutMapping(path = "/api/v1/roadmap/assumptions", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> setAssumptions(@RequestBody(required = false) JsonNode body, @AuthenticationPrincipal BatonUser user) {
        return CapacityAssumptions.json(assumptions.set(body, user.personId()));
    }

    @GetMapping(path = "/api/v1/roadmap/initiatives", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> initiatives() {
        return entries.all().stream().map(RoadmapView::entered).toList();
    }

    @GetMapping(path = "/api/v1/roadmap/initiatives/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> initiative(@PathVariable String id) {
        return RoadmapView.entered(entries.find(id).orElseThrow(() -> RoadmapEntries.notFound(id)));
    }

    @PostMapping(path = "/api/v1/roadmap/initiatives", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> enter(@RequestBody(required = false) JsonNode body,
                                              @AuthenticationPrincipal BatonUser user) {
        RoadmapEntries.Saved saved = entries.enter(body, null, user.personId());
        if (!saved.created()) {
            throw new ApiException(HttpStatus.CONFLICT, "exists", "There is an initiative '" + saved.entry().id()
                    + "' already; change it with PUT /api/v1/roadmap/initiatives/" + saved.entry().id());
        }
        return ResponseEntity.created(URI.create("/api/v1/roadmap/initiatives/" + saved.entry().id()))
                .body(RoadmapView.entered(saved.entry()));
    }

    @PutMapping(path = "/api/v1/roadmap/initiatives/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> replace(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                                @AuthenticationPrincipal BatonUser user) {
        RoadmapEntries.Saved saved = entries.enter(body, id, user.personId());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(RoadmapView.entered(saved.entry()));
    }

    @DeleteMapping("/api/v1/roadmap/initiatives/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        entries.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/v1/roadmap/plan", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> plan(@RequestParam(required = false) String quarters) {
        return RoadmapView.plan(roadmaps.plan(roadmaps.board(roadmaps.quarters(quarters))));
    }

    @PostMapping(path = "/api/v1/roadmap/scenarios", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> compare(@RequestParam(required = false) String quarters, @RequestBody(required = false) JsonNode body) {
        JsonBody.of(body);
        Roadmaps.Planned planned = roadmaps.plan(roadmaps.board(roadmaps.quarters(quarters)));
        var scenario = roadmaps.scenario(planned.board(), body == null ? null : body.toString());
        var comparison = roadmaps.compare(planned, scenario);
        return RoadmapView.comparison(planned, comparison);
    }

    @PostMapping(path = "/api/v1/roadmap/publish", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> publish(@RequestBody(required = false) JsonNode request,
                                                @AuthenticationPrincipal BatonUser user) {
        JsonBody body = JsonBody.of(request);
        String hash = body.text("hash", true);
        String quarters = body.text("quarters", false);
        body.check();
        Roadmaps.Planned planned = roadmaps.plan(roadmaps.board(roadmaps.quarters(quarters)));
        RecordedEvent event = roadmaps.publish(planned, hash, user.personId());
        Roadmaps.Published published = roadmaps.published(planned.board().model().model()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/roadmap/plan"))
                .body(RoadmapView.published(published, event.position()));
    }
}
