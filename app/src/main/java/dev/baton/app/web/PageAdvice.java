package dev.baton.app.web;

import dev.baton.app.notify.Inbox;
import dev.baton.app.security.BatonUser;
import dev.baton.app.security.Role;
import dev.baton.engine.Engine;
import dev.baton.engine.item.ItemFilter;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.rights.Names;
import dev.baton.model.OperatingModel;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.WorkType;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every page's layout shows: who is signed in (login, the person they act as, their role)
 * and the navigation, with a board per work type of the current model and the inbox's unread count.
 */
// The learning pages (dev.baton.app.learning.web) share the layout; named by package so that web
// does not depend on them. REST controllers stay outside, so the API pays for none of this.
@ControllerAdvice(basePackages = {"dev.baton.app.web", "dev.baton.app.learning.web", "dev.baton.app.experiment.web",
        "dev.baton.app.roadmap.web", "dev.baton.app.assist.web"})
// Before the API's ProblemHandler, whose catch-all would otherwise answer a page's NotFound as a 500.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {

    private final ModelVersions versions;
    private final Engine engine;
    private final Inbox inbox;

    PageAdvice(ModelVersions versions, Engine engine, Inbox inbox) {
        this.versions = versions;
        this.engine = engine;
        this.inbox = inbox;
    }

    /** The signed-in user as the layout shows them. */
    record Me(String username, String personId, String name, String role, boolean canWork, boolean canUpload) {
    }

    /** A board link in the navigation. */
    record BoardLink(String id, String name) {
    }

    @ModelAttribute("me")
    Me me(@AuthenticationPrincipal BatonUser user) {
        if (user == null) {
            return null;
        }
        String name = versions.current().map(v -> Names.person(v.model(), user.personId())).orElse(user.personId());
        return new Me(user.username(), user.personId(), name, user.role().id(), user.role() != Role.VIEWER,
                user.role() == Role.ADMIN || user.role() == Role.OPS);
    }

    /**
     * A board per work type of the current model, then one per work type an older version had and
     * the current one dropped, for as long as items of it are open: their work is not lost from
     * sight until it is done or migrated.
     */
    @ModelAttribute("boards")
    List<BoardLink> boards() {
        if (versions.current().isEmpty()) {
            return List.of();
        }
        OperatingModel current = versions.current().get().model();
        List<BoardLink> links = new java.util.ArrayList<>(current.workTypes().stream()
                .map(w -> new BoardLink(w.id(), Names.workType(w))).toList());
        dropped(versions, engine, current).forEach((type, version) -> links.add(new BoardLink(type.id(),
                Names.workType(type) + " (from version " + version + ")")));
        return links;
    }

    /**
     * Work types the current model no longer has that still have open items, each with the
     * newest version its open items run under (its stages are the board's columns).
     */
    static java.util.Map<WorkType, Integer> dropped(ModelVersions versions, Engine engine, OperatingModel current) {
        java.util.Map<String, WorkType> seen = new java.util.LinkedHashMap<>();
        java.util.Map<WorkType, Integer> dropped = new java.util.LinkedHashMap<>();
        List<ModelVersion> all = new java.util.ArrayList<>(versions.all());
        java.util.Collections.reverse(all);
        for (ModelVersion v : all) {
            for (WorkType w : v.model().workTypes()) {
                if (w.id() == null || current.workType(w.id()).isPresent() || seen.containsKey(w.id())) {
                    continue;
                }
                seen.put(w.id(), w);
                engine.matching(new ItemFilter(w.id(), null, null, null, null, false))
                        .mapToInt(WorkItem::modelVersion).max().ifPresent(newest -> dropped.put(
                                versions.get(newest).flatMap(m -> m.model().workType(w.id())).orElse(w), newest));
            }
        }
        return dropped;
    }

    /** How many notifications the signed-in person has not read, for the navigation's Inbox link. */
    @ModelAttribute("unread")
    Long unread(@AuthenticationPrincipal BatonUser user) {
        return user == null ? null : inbox.unread(user.personId());
    }

    @ModelAttribute("modelVersion")
    Integer modelVersion() {
        return versions.current().map(ModelVersion::number).orElse(null);
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFound e, org.springframework.ui.Model page) {
        page.addAttribute("message", e.getMessage());
        return "not-found";
    }

    /** A page about something that does not exist (an item, a work type, a request). */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The current model version, or a page saying that none was uploaded yet. */
    public static ModelVersion current(ModelVersions versions) {
        return versions.current().orElseThrow(() -> new NotFound("No operating model has been uploaded yet. "
                + "Someone with the ops role uploads one on the Operating model page (or start with baton serve --demo)."));
    }

    static WorkType workType(ModelVersion version, String id) {
        return version.model().workType(id).orElseThrow(() -> new NotFound("The operating model has no work type '"
                + id + "'; its work types are " + String.join(", ", version.model().workTypes().stream()
                .map(WorkType::id).toList())));
    }
}
