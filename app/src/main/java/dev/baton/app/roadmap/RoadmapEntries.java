package dev.baton.app.roadmap;

import dev.baton.app.api.ApiException;
import dev.baton.app.roadmap.EnteredInitiatives.Entered;
import dev.baton.engine.item.WorkItem;
import dev.baton.model.OperatingModel;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Entering, replacing and removing initiatives, each checked first: a refused entry stores nothing. */
@Component
public class RoadmapEntries {

    private final EnteredInitiatives store;
    private final Roadmaps roadmaps;
    private final Clock clock;

    RoadmapEntries(EnteredInitiatives store, Roadmaps roadmaps, Clock clock) {
        this.store = store;
        this.roadmaps = roadmaps;
        this.clock = clock;
    }

    public record Saved(Entered entry, boolean created) {
    }

    public List<Entered> all() {
        return store.all();
    }

    public Optional<Entered> find(String id) {
        return store.find(id);
    }

    /** Checks and stores an entry; {@code pathId} null: a new one named by the body. */
    @Transactional
    public Saved enter(JsonNode body, String pathId, String personId) {
        OperatingModel model = roadmaps.model().model();
        Map<String, WorkItem> items = roadmaps.items(model);
        Entered e = InitiativeInput.read(body, pathId, model, items, store.all(), personId, clock.instant());
        if (pathId == null && store.find(e.id()).isPresent()) {
            return new Saved(store.find(e.id()).orElseThrow(), false);
        }
        return new Saved(e, store.save(e));
    }

    /** Removes an entry no other entry depends on. */
    @Transactional
    public void delete(String id) {
        if (store.find(id).isEmpty()) {
            throw notFound(id);
        }
        List<String> dependents = store.all().stream().filter(o -> o.dependsOn().contains(id)).map(Entered::id).toList();
        if (!dependents.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "depended-on", "'" + id + "' is not removed: "
                    + String.join(", ", dependents) + " depend" + (dependents.size() == 1 ? "s" : "") + " on it.");
        }
        store.delete(id);
    }

    static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "There is no initiative '" + id + "' entered on the roadmap");
    }
}
