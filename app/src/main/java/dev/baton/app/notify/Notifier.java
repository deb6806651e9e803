package dev.baton.app.notify;

import dev.baton.app.security.Users;
import dev.baton.engine.Engine;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.ItemFilter;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.OperatingModel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Follows the event log and tells the people who must act ({@link WhoMustAct}), through the
 * {@link Inbox}. It keeps its place in the log ({@code notification_cursor}) and reads it as the
 * event feed does, so an event committed late is not skipped; reading an event twice tells no one
 * twice (the inbox's unique key). Imported history is not work the engine runs and tells no one,
 * nor does an event older than {@code baton.notifications.max-age}: a person not told then is not
 * helped by hearing of it now.
 */
@Component
public class Notifier {

    static final int PAGE = 1_000;

    private final EventStore store;
    private final Engine engine;
    private final ModelVersions versions;
    private final Users users;
    private final Inbox inbox;
    private final JdbcTemplate jdbc;
    private final Duration maxAge;

    Notifier(EventStore store, Engine engine, ModelVersions versions, Users users, Inbox inbox, JdbcTemplate jdbc,
             @Value("${baton.notifications.max-age:P7D}") Duration maxAge) {
        this.store = store;
        this.engine = engine;
        this.versions = versions;
        this.users = users;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.maxAge = maxAge;
    }

    /** Reads the log from where it stopped; how many notifications were new. */
    public synchronized int catchUp(Instant now) {
        // who must act is read from the items' state: as the log has it, also another server's latest events
        engine.catchUp();
        int told = 0;
        while (true) {
            Long cursor = jdbc.queryForObject("select position from notification_cursor", Long.class);
            List<RecordedEvent> page = store.readAll(cursor == null ? 0 : cursor, PAGE);
            for (RecordedEvent e : page) {
                if (e.event() instanceof WorkItemEvent && e.eventId() == null && e.batch() == null
                        && !e.at().isBefore(now.minus(maxAge))) {
                    told += tell(e, now);
                }
            }
            if (!page.isEmpty()) {
                jdbc.update("update notification_cursor set position = greatest(position, ?)", page.get(page.size() - 1).position());
            }
            if (page.size() < PAGE) {
                return told;
            }
        }
    }

    private int tell(RecordedEvent e, Instant now) {
        Optional<WorkItem> item = engine.item(new WorkItemId(e.stream()));
        Optional<OperatingModel> model = versions.get(item.map(WorkItem::modelVersion).orElse(e.modelVersion()))
                .map(ModelVersion::model);
        if (model.isEmpty()) {
            return 0;
        }
        OperatingModel m = model.get();
        int told = 0;
        for (Notification n : WhoMustAct.of(e, m, item.orElse(null), name -> person(m, name))) {
            if (inbox.record(n, now)) {
                told++;
            }
        }
        return told;
    }

    /** A mention's name as a person of the model: their id, or the user name of someone who acts as them. */
    private String person(OperatingModel model, String name) {
        if (model.people().stream().anyMatch(p -> p.id().equals(name))) {
            return name;
        }
        return users.find(name).map(u -> u.personId()).orElse(null);
    }

    /**
     * The SLA notifications recorded already (source and recipient), of clocks still at risk: every
     * beat finds the same ones again, and the inbox need not be asked each time whether it has them.
     */
    private Set<String> slasTold = new HashSet<>();

    /** Tells whoever must act on an SLA about to breach at {@code now}, once per clock; how many were new. */
    public synchronized int checkSlas(Instant now) {
        int told = 0;
        Set<String> atRisk = new HashSet<>();
        for (WorkItem item : (Iterable<WorkItem>) engine.matching(new ItemFilter(null, null, null, null, null, false))::iterator) {
            Optional<ModelVersion> model = versions.get(item.modelVersion());
            if (model.isEmpty()) {
                continue;
            }
            for (Notification n : WhoMustAct.slasAtRisk(item, model.get().model(), now)) {
                String key = n.source() + " " + n.recipient();
                atRisk.add(key);
                if (!slasTold.contains(key) && inbox.record(n, now)) {
                    told++;
                }
            }
        }
        // clocks no longer at risk are forgotten, so the set stays as small as what is at risk now
        slasTold = atRisk;
        return told;
    }
}
