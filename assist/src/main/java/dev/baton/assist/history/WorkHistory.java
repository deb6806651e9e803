package dev.baton.assist.history;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeEvent;
import dev.baton.engine.intake.IntakeEvent.RequestAccepted;
import dev.baton.engine.intake.IntakeEvent.RequestDeclined;
import dev.baton.engine.intake.IntakeEvent.RequestDeferred;
import dev.baton.engine.intake.IntakeEvent.RequestSubmitted;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.ItemMigrated;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.PriorityInputsSet;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The log folded into its items and intake requests as they stand ({@link PastWork}), fed the
 * events in the log's order (each stream's in its own order). Other events (meetings, drafts,
 * import bookkeeping) are not work and are passed over. It keeps every event only of the streams
 * it was asked to ({@link #keepingEventsOf}), for the summary of one item.
 */
public final class WorkHistory implements Consumer<RecordedEvent> {

    private static final class Stream {
        final String id;
        final boolean request;
        String workType;
        String title;
        final Map<String, Object> fields = new LinkedHashMap<>();
        String state;
        String owner;
        boolean open = true;
        String link;
        String creator;
        /** An item whose request's fields it started from (the request came first, as intake records it). */
        boolean seeded;
        Instant created;
        Instant last;

        Stream(String id, boolean request) {
            this.id = id;
            this.request = request;
        }
    }

    private final Map<String, Stream> items = new LinkedHashMap<>();
    private final Map<String, Stream> requests = new LinkedHashMap<>();
    private final Set<String> keep = new HashSet<>();
    private final Map<String, List<RecordedEvent>> kept = new LinkedHashMap<>();

    /** Also keeps every event of this stream (an item id), for {@link #events}. */
    public WorkHistory keepingEventsOf(String stream) {
        keep.add(stream);
        return this;
    }

    @Override
    public void accept(RecordedEvent e) {
        if (e.event() instanceof WorkItemEvent event) {
            item(e, event);
        } else if (e.event() instanceof IntakeEvent event) {
            request(e, event);
        } else {
            return;
        }
        if (keep.contains(e.stream())) {
            kept.computeIfAbsent(e.stream(), s -> new ArrayList<>()).add(e);
        }
    }

    private void item(RecordedEvent e, WorkItemEvent event) {
        Stream s = items.computeIfAbsent(e.stream(), id -> new Stream(id, false));
        touch(s, e);
        if (event instanceof ItemCreated c) {
            s.title = c.title();
            s.state = c.stage();
            s.link = c.fromRequest();
            s.creator = e.actor();
            Stream request = c.fromRequest() == null ? null : requests.get(c.fromRequest());
            if (request != null) {
                // Start from what was asked for, so that the item's own changes (a cleared field too) apply on top in order.
                s.fields.putAll(request.fields);
                s.seeded = true;
            }
            merge(s.fields, c.fields());
        } else if (event instanceof FieldsUpdated u) {
            merge(s.fields, u.changes());
        } else if (event instanceof PriorityInputsSet p && p.inputs() != null) {
            merge(s.fields, new LinkedHashMap<>(p.inputs()));
        } else if (event instanceof StageEntered st) {
            s.state = st.to();
        } else if (event instanceof OwnerAssigned o) {
            s.owner = o.owner() == null || o.owner().isBlank() ? null : o.owner();
        } else if (event instanceof ItemCompleted) {
            s.open = false;
        } else if (event instanceof ItemReopened r) {
            s.open = true;
            if (r.stage() != null) {
                s.state = r.stage();
            }
        } else if (event instanceof ItemMigrated m && m.toStage() != null) {
            s.state = m.toStage();
        }
    }

    private void request(RecordedEvent e, IntakeEvent event) {
        Stream s = requests.computeIfAbsent(e.stream(), id -> new Stream(id, true));
        touch(s, e);
        if (event instanceof RequestSubmitted r) {
            s.title = r.title();
            s.state = "submitted";
            s.creator = e.actor();
            merge(s.fields, r.fields());
        } else if (event instanceof RequestAccepted a) {
            s.state = "accepted";
            s.open = false;
            s.link = a.itemId();
        } else if (event instanceof RequestDeclined) {
            s.state = "declined";
            s.open = false;
        } else if (event instanceof RequestDeferred) {
            s.state = "deferred";
        }
    }

    private static void touch(Stream s, RecordedEvent e) {
        if (e.workType() != null) {
            s.workType = e.workType();
        }
        if (s.created == null) {
            s.created = e.at();
        }
        s.last = e.at();
    }

    private static void merge(Map<String, Object> fields, Map<String, ?> changes) {
        if (changes == null) {
            return;
        }
        changes.forEach((k, v) -> {
            if (v == null || (v instanceof String t && t.isBlank())) {
                fields.remove(k);
            } else {
                fields.put(k, v);
            }
        });
    }

    /** Every work item, in the order the log first names them. */
    public List<PastWork> items() {
        List<PastWork> result = new ArrayList<>(items.size());
        for (Stream s : items.values()) {
            result.add(work(s));
        }
        return result;
    }

    /** Every intake request, in the order the log first names them. */
    public List<PastWork> requests() {
        List<PastWork> result = new ArrayList<>(requests.size());
        for (Stream s : requests.values()) {
            result.add(work(s));
        }
        return result;
    }

    /**
     * The work a new request is compared with: every item, and every request that has not become
     * one of them (a request accepted into an item is that item, shown once).
     */
    public List<PastWork> comparable() {
        List<PastWork> result = new ArrayList<>(items());
        for (Stream s : requests.values()) {
            if (s.link == null || !items.containsKey(s.link)) {
                result.add(work(s));
            }
        }
        return result;
    }

    public Optional<PastWork> item(String id) {
        Stream s = items.get(id);
        return s == null ? Optional.empty() : Optional.of(work(s));
    }

    /** The events of a stream named to {@link #keepingEventsOf} before the log was read, in order. */
    public List<RecordedEvent> events(String stream) {
        return Collections.unmodifiableList(kept.getOrDefault(stream, List.of()));
    }

    private PastWork work(Stream s) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (!s.request && !s.seeded && s.link != null && requests.containsKey(s.link)) {
            fields.putAll(requests.get(s.link).fields);
        }
        fields.putAll(s.fields);
        return new PastWork(s.id, s.request ? PastWork.Kind.REQUEST : PastWork.Kind.ITEM, s.workType, s.title,
                Collections.unmodifiableMap(fields), s.state, s.owner, s.open, s.link, s.creator, s.created, s.last);
    }
}
