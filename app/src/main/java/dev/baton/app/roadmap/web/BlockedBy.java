package dev.baton.app.roadmap.web;

import dev.baton.app.roadmap.EnteredInitiatives;
import dev.baton.engine.Engine;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * "Blocked by" on the item page: the dependencies entered on the roadmap for the item that are not
 * done (a work item not completed, or an idea not yet in Baton). Given to the item page from here,
 * by its address, so that the web package needs nothing of the roadmap.
 */
@ControllerAdvice(basePackages = "dev.baton.app.web")
class BlockedBy {

    private static final Pattern ITEM_PAGE = Pattern.compile("/items/([^/]+)");

    private final EnteredInitiatives entered;
    private final Engine engine;

    BlockedBy(EnteredInitiatives entered, Engine engine) {
        this.entered = entered;
        this.engine = engine;
    }

    /** A dependency not done: {@code item} false for an idea that is not a work item yet. */
    record Blocker(String id, String title, boolean item, String stage) {
    }

    @ModelAttribute("blockedBy")
    List<Blocker> blockedBy(HttpServletRequest request) {
        Matcher m = ITEM_PAGE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!"GET".equals(request.getMethod()) || !m.matches()) {
            return List.of();
        }
        return entered.find(m.group(1)).map(e -> e.dependsOn().stream().map(this::blocker).flatMap(Optional::stream)
                .toList()).orElse(List.of());
    }

    private Optional<Blocker> blocker(String id) {
        Optional<WorkItem> item = engine.item(new WorkItemId(id));
        if (item.isPresent()) {
            return item.get().completed() ? Optional.empty()
                    : Optional.of(new Blocker(id, item.get().title(), true, item.get().stage()));
        }
        return Optional.of(new Blocker(id, entered.find(id).map(EnteredInitiatives.Entered::title).orElse(id), false, null));
    }
}
