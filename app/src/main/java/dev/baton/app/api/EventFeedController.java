package dev.baton.app.api;

import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.RecordedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event feed for integrations: every event in log order, a page at a time. The cursor is the
 * position of the last event seen; {@code next} is the cursor of the following page. A reader that
 * keeps its cursor sees every event exactly once, even events committed out of position order.
 */
@RestController
class EventFeedController {

    static final int MAX_LIMIT = 1000;

    private final EventStore store;

    EventFeedController(EventStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/events")
    Map<String, Object> events(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        if (after < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("invalid-parameter", "expected after of at least 0 and limit between 1 and "
                    + MAX_LIMIT + ", found after " + after + ", limit " + limit);
        }
        List<RecordedEvent> page = store.readAll(after, limit);
        long next = page.isEmpty() ? after : page.get(page.size() - 1).position();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", WorkJson.events(page));
        json.put("next", next);
        json.put("more", page.size() == limit);
        return json;
    }
}
