package dev.baton.exchange.gitlab;

import static dev.baton.exchange.source.JsonSource.object;
import static dev.baton.exchange.source.JsonSource.text;

import dev.baton.exchange.io.SpillSort;
import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.source.JsonSource;
import dev.baton.exchange.source.SortNotes;
import dev.baton.exchange.source.SourceChange;
import dev.baton.exchange.source.SourceChangeCodec;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.source.SourceItem;
import dev.baton.exchange.source.SourceReader;
import dev.baton.exchange.source.SourceSink;
import dev.baton.exchange.source.Times;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JsonToken;

/**
 * GitLab's resource events as its API returns them: {@code resource_label_events} (a label
 * added or removed: how GitLab boards record a column move with scoped labels such as
 * {@code workflow::review}), {@code resource_state_events} (closed, reopened, merged) and
 * {@code resource_milestone_events}; one JSON array, or several concatenated. API pages list
 * events per resource but not in time order: events stream into a {@link SpillSort} (on disk past
 * its memory budget) and are replayed resource by resource, oldest first, in the order resources
 * first appear. Memory: the budget plus one small entry per resource.
 *
 * <p>Change ids are {@code gitlab:<label|state|milestone>:<event id>}.
 */
public final class GitLabEventsReader implements SourceReader {

    public static final String KIND = "gitlab-events";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String expectedShape() {
        return "GitLab resource events ([{\"id\", \"user\", \"created_at\", \"resource_type\", \"resource_id\", "
                + "\"label\": {...}, \"action\": \"add\"|\"remove\"} or {..., \"state\": \"closed\"|\"reopened\"}])";
    }

    @Override
    public void read(InputStream in, SourceSink sink) {
        read(in, sink, SpillSort.DEFAULT_MEMORY);
    }

    /** Reads with a given memory budget for putting the events in order (beyond it they go to disk). */
    public void read(InputStream in, SourceSink sink, long sortMemory) {
        Map<String, Integer> items = new HashMap<>();
        try (JsonSource json = new JsonSource(in, expectedShape());
             SpillSort<SourceChange> sorted = new SpillSort<>(SourceChangeCodec.INSTANCE, sortMemory)) {
            JsonToken t = json.next();
            if (t == null) {
                throw json.wrongShape("an empty file");
            }
            while (t != null) {
                if (t != JsonToken.START_ARRAY) {
                    throw json.wrongShape("JSON starting with " + t + " (an object, not an array of events)");
                }
                JsonToken e;
                while ((e = json.next()) != JsonToken.END_ARRAY) {
                    if (e != JsonToken.START_OBJECT) {
                        throw json.wrongShape("an event that is " + e);
                    }
                    String where = json.where();
                    SourceChange change = change(json.tree(Set.of("avatar_url", "web_url")), where);
                    int item = items.computeIfAbsent(change.item().key(), k -> items.size());
                    sorted.add(item, change.at().getEpochSecond(), change.at().getNano(), change);
                }
                t = json.next();
            }
            SortNotes.spilled(sorted, sink);
            sorted.drain((item, change) -> sink.change(change));
        }
    }

    private static SourceChange change(Object e, String where) {
        String id = JsonSource.id(e, "id", where);
        String type = text(e, "resource_type");
        String resource = JsonSource.id(e, "resource_id", where);
        if (id == null || type == null || resource == null) {
            throw new SourceFormatException(where, "expected a GitLab resource event with \"id\", \"resource_type\" "
                    + "and \"resource_id\", found " + (e instanceof java.util.Map<?, ?> m
                    ? "the keys " + new java.util.TreeSet<>(m.keySet()) : "something else"));
        }
        Instant at = Times.parse(text(e, "created_at")).orElseThrow(() -> new SourceFormatException(where,
                "expected created_at to be a timestamp, found " + text(e, "created_at")));
        String actor = text(e, "user", "name");
        if (actor == null) {
            actor = text(e, "user", "username");
        }
        String key = type.toLowerCase(Locale.ROOT).replace("mergerequest", "merge-request") + "-" + resource;
        SourceItem item = new SourceItem(key, type, null, List.of(), null);
        if (object(e, "label") != null) {
            String label = text(e, "label", "name");
            boolean add = !"remove".equals(text(e, "action"));
            return new SourceChange(item, "gitlab:label:" + id, at, actor, ChangeKind.LABEL, "labels",
                    add ? null : label, add ? label : null);
        }
        String state = text(e, "state");
        if (state != null) {
            ChangeKind kind = switch (state) {
                case "reopened", "opened" -> ChangeKind.REOPENED;
                case "closed", "merged" -> ChangeKind.CLOSED;
                default -> ChangeKind.FIELD;
            };
            return new SourceChange(item, "gitlab:state:" + id, at, actor, kind, "state", null, state);
        }
        if (e instanceof java.util.Map<?, ?> m && m.containsKey("milestone")) {
            String milestone = text(e, "milestone", "title");
            boolean add = !"remove".equals(text(e, "action"));
            return new SourceChange(item, "gitlab:milestone:" + id, at, actor, ChangeKind.FIELD, "milestone",
                    add ? null : milestone, add ? milestone : null);
        }
        throw new SourceFormatException(where, "expected a label, state or milestone event, found event " + id
                + " with none of \"label\", \"state\", \"milestone\"");
    }
}
