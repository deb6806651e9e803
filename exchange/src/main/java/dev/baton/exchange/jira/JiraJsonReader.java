package dev.baton.exchange.jira;

import static dev.baton.exchange.source.JsonSource.list;
import static dev.baton.exchange.source.JsonSource.object;
import static dev.baton.exchange.source.JsonSource.text;

import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.source.JsonSource;
import dev.baton.exchange.source.SourceChange;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.source.SourceItem;
import dev.baton.exchange.source.SourceReader;
import dev.baton.exchange.source.SourceSink;
import dev.baton.exchange.source.Times;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonToken;

/**
 * Jira's REST search results with {@code expand=changelog} ({@code /rest/api/2|3/search},
 * {@code /search/jql}; Cloud and Server/Data Center shapes), a single issue
 * ({@code /issue/KEY?expand=changelog}) or a JSON array of either. Issues stream one at a time.
 *
 * <p>Each changelog item becomes one change with the id
 * {@code jira:<issue id>:changelog:<history id>:<item index>}; the creation gets
 * {@code jira:<issue id>:created}. The first status is the {@code from} of the first status
 * change, or the current status when the status never changed.
 *
 * <p>One changelog entry often holds a status change and a resolution change (a transition to
 * Done sets the resolution), in either order. Its items are handed on so that the item ends
 * where Jira leaves it: a resolution cleared first (reopened where it was), then the status
 * and other fields, a resolution set last (completed in the new status). The ids keep each
 * item's index in the entry. Whether the current status is done (its {@code statusCategory}) is
 * passed on with the item: Jira gives no category for the statuses of the changelog.
 */
public final class JiraJsonReader implements SourceReader {

    public static final String KIND = "jira-json";
    /** Parts of the JSON no change needs; skipped while reading to keep memory and time down. */
    private static final Set<String> SKIPPED = new java.util.HashSet<>(List.of("avatarUrls", "self", "iconUrl", "renderedFields",
            "transitions", "editmeta", "operations", "versionedRepresentations", "schema", "watches", "votes",
            "description", "comment", "worklog", "attachment", "issuelinks", "subtasks", "timetracking"));

    /** Jira Cloud's "Story point estimate" field; other sites name theirs (see {@link #JiraJsonReader(String)}). */
    public static final String STORY_POINTS_FIELD = "customfield_10016";

    private final String storyPointsField;

    public JiraJsonReader() {
        this(STORY_POINTS_FIELD);
    }

    /** A reader taking story points from {@code storyPointsField} (a custom field id such as customfield_10002). */
    public JiraJsonReader(String storyPointsField) {
        this.storyPointsField = storyPointsField;
    }

    /**
     * The size of the work as Jira records it, for the created event: the original estimate and the
     * time spent (Jira gives seconds; recorded in hours, Jira's own unit of entry) and the story
     * points, each only when it is a number. Story points are not converted here: a plan states
     * its own points-per-day.
     */
    Map<String, Object> effort(Map<String, Object> fields) {
        Map<String, Object> effort = new java.util.TreeMap<>();
        if (fields.get("timeoriginalestimate") instanceof Number n) {
            effort.put("original-estimate-hours", n.doubleValue() / 3600);
        }
        if (fields.get("timespent") instanceof Number n) {
            effort.put("time-spent-hours", n.doubleValue() / 3600);
        }
        if (fields.get(storyPointsField) instanceof Number n) {
            effort.put("story-points", n.doubleValue());
        }
        return effort;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String expectedShape() {
        return "Jira search results with expand=changelog ({\"issues\": [{\"id\", \"key\", \"fields\", "
                + "\"changelog\": {\"histories\": [...]}}]}) or one issue with its changelog";
    }

    @Override
    public void read(InputStream in, SourceSink sink) {
        try (JsonSource json = new JsonSource(in, expectedShape())) {
            JsonToken first = json.next();
            if (first == null) {
                throw json.wrongShape("an empty file");
            }
            // Several results one after the other (pages saved by a sync) are read in turn.
            while (first != null) {
                if (first == JsonToken.START_ARRAY) {
                    JsonToken t;
                    while ((t = json.next()) != JsonToken.END_ARRAY) {
                        if (t != JsonToken.START_OBJECT) {
                            throw json.wrongShape("an array holding " + t);
                        }
                        readRoot(json, sink);
                    }
                } else if (first == JsonToken.START_OBJECT) {
                    readRoot(json, sink);
                } else {
                    throw json.wrongShape("JSON starting with " + first);
                }
                first = json.next();
            }
        }
    }

    /** What one JSON object of the export held: an issue's parts, and whether it listed issues. */
    private static final class Parts {
        String id;
        String key;
        Map<String, Object> fields;
        List<History> histories;
        Number changelogTotal;
        boolean sawIssues;
        final Map<String, Object> other = new HashMap<>();
    }

    private record Item(String field, String from, String to) {
    }

    private record History(String id, Instant at, String actor, List<Item> items, int order) {
    }

    /**
     * A search page (its issues streamed one by one) or a single issue, the parser on its
     * START_OBJECT. Changelogs, the bulk of an export, are read token by token into small records.
     */
    private void readRoot(JsonSource json, SourceSink sink) {
        String where = json.where();
        Parts parts = parts(json, sink);
        if (parts.sawIssues) {
            return;
        }
        if (parts.fields != null && parts.key != null) {
            issue(parts, where, sink);
        } else {
            Set<String> keys = new java.util.TreeSet<>(parts.other.keySet());
            if (parts.id != null) {
                keys.add("id");
            }
            if (parts.key != null) {
                keys.add("key");
            }
            throw json.wrongShape("an object with the keys " + keys);
        }
    }

    private Parts parts(JsonSource json, SourceSink sink) {
        Parts parts = new Parts();
        JsonToken t;
        while ((t = json.next()) == JsonToken.PROPERTY_NAME) {
            String name = json.name();
            JsonToken value = json.next();
            switch (name) {
                case "issues" -> {
                    if (value != JsonToken.START_ARRAY) {
                        throw json.wrongShape("\"issues\" that is not a list");
                    }
                    parts.sawIssues = true;
                    JsonToken element;
                    while ((element = json.next()) != JsonToken.END_ARRAY) {
                        if (element != JsonToken.START_OBJECT) {
                            throw json.wrongShape("an issue that is " + element);
                        }
                        String where = json.where();
                        Parts issue = parts(json, sink);
                        issue(issue, where, sink);
                    }
                }
                case "id" -> parts.id = scalar(json, value);
                case "key" -> parts.key = scalar(json, value);
                case "fields" -> {
                    Object tree = json.tree(SKIPPED);
                    parts.fields = tree instanceof Map<?, ?> ? asMap(tree) : null;
                }
                case "changelog" -> changelog(json, value, parts);
                default -> {
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        json.skip();
                        parts.other.put(name, Boolean.TRUE);
                    } else {
                        parts.other.put(name, scalar(json, value));
                    }
                }
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw json.wrongShape(String.valueOf(t));
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object tree) {
        return (Map<String, Object>) tree;
    }

    private static String scalar(JsonSource json, JsonToken value) {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            json.skip();
            return null;
        }
        return value == JsonToken.VALUE_NULL ? null : json.parser().getString();
    }

    private void changelog(JsonSource json, JsonToken value, Parts parts) {
        if (value != JsonToken.START_OBJECT) {
            if (value == JsonToken.START_ARRAY) {
                json.skip();
            }
            return;
        }
        parts.histories = new ArrayList<>();
        JsonToken t;
        while ((t = json.next()) == JsonToken.PROPERTY_NAME) {
            String name = json.name();
            JsonToken v = json.next();
            if (name.equals("histories") && v == JsonToken.START_ARRAY) {
                JsonToken h;
                while ((h = json.next()) != JsonToken.END_ARRAY) {
                    if (h != JsonToken.START_OBJECT) {
                        throw json.wrongShape("a changelog entry that is " + h);
                    }
                    parts.histories.add(history(json, parts.histories.size()));
                }
            } else if (name.equals("total") && v == JsonToken.VALUE_NUMBER_INT) {
                parts.changelogTotal = json.parser().getNumberValue();
            } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                json.skip();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw json.wrongShape(String.valueOf(t));
        }
    }

    private History history(JsonSource json, int order) {
        String where = json.where();
        String id = null;
        String created = null;
        String actor = null;
        List<Item> items = new ArrayList<>(2);
        JsonToken t;
        while ((t = json.next()) == JsonToken.PROPERTY_NAME) {
            String name = json.name();
            JsonToken v = json.next();
            switch (name) {
                case "id" -> id = scalar(json, v);
                case "created" -> created = scalar(json, v);
                case "author" -> actor = v == JsonToken.START_OBJECT ? user(asMap(json.tree(SKIPPED))) : scalar(json, v);
                case "items" -> {
                    if (v != JsonToken.START_ARRAY) {
                        scalar(json, v);
                        break;
                    }
                    JsonToken i;
                    while ((i = json.next()) != JsonToken.END_ARRAY) {
                        if (i != JsonToken.START_OBJECT) {
                            throw json.wrongShape("a changelog item that is " + i);
                        }
                        items.add(item(json));
                    }
                }
                default -> {
                    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        json.skip();
                    }
                }
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw json.wrongShape(String.valueOf(t));
        }
        String at = created;
        Instant when = Times.parse(at).orElseThrow(() -> new SourceFormatException(where,
                "expected a timestamp in \"created\" of a changelog entry, found " + at));
        return new History(id, when, actor, items, order);
    }

    private Item item(JsonSource json) {
        String field = null;
        String from = null;
        String fromString = null;
        String to = null;
        String toString = null;
        JsonToken t;
        while ((t = json.next()) == JsonToken.PROPERTY_NAME) {
            String name = json.name();
            JsonToken v = json.next();
            String text = scalar(json, v);
            switch (name) {
                case "field" -> field = text;
                case "from" -> from = text;
                case "fromString" -> fromString = text;
                case "to" -> to = text;
                case "toString" -> toString = text;
                default -> {
                }
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw json.wrongShape(String.valueOf(t));
        }
        // The shown value (fromString, toString) is what people map; the raw one is the fallback.
        return new Item(field, fromString != null ? fromString : from, toString != null ? toString : to);
    }

    private void issue(Parts parts, String where, SourceSink sink) {
        String id = parts.id;
        String key = parts.key;
        Map<String, Object> fields = parts.fields;
        if (id == null || key == null || fields == null) {
            Set<String> keys = new java.util.TreeSet<>(parts.other.keySet());
            throw new SourceFormatException(where, "expected an issue with \"id\", \"key\" and \"fields\", found "
                    + (id == null ? "no id" : key == null ? "no key" : "no fields") + " (keys " + keys + ")");
        }
        Instant created = Times.parse(text(fields, "created")).orElseThrow(() -> new SourceFormatException(where,
                "expected fields.created of issue " + key + " to be a timestamp, found " + text(fields, "created")));
        List<String> labels = new ArrayList<>();
        for (Object label : list(fields, "labels")) {
            if (label != null) {
                labels.add(label.toString());
            }
        }
        String category = text(object(fields, "status"), "statusCategory", "key");
        SourceItem item = new SourceItem(key, text(fields, "issuetype", "name"), text(fields, "project", "key"),
                labels, text(fields, "summary"), text(fields, "status", "name"),
                category == null ? null : category.equalsIgnoreCase("done"), effort(fields));

        List<History> histories = parts.histories == null ? new ArrayList<>() : parts.histories;
        if (parts.histories == null) {
            sink.note("no-changelog", key + ": no changelog in the export (was expand=changelog set?)");
        } else if (parts.changelogTotal != null && parts.changelogTotal.intValue() > histories.size()) {
            sink.note("changelog-cut", key + ": the export holds " + histories.size() + " of "
                    + parts.changelogTotal + " changelog entries; the rest are missing (fetch /issue/" + key + "/changelog)");
        }
        // Cloud sends the newest first on some endpoints: oldest first for every consumer.
        histories.sort(Comparator.comparing(History::at).thenComparingInt(History::order));

        String firstStatus = text(fields, "status", "name");
        String firstAssignee = user(object(fields, "assignee"));
        String firstPriority = text(fields, "priority", "name");
        boolean statusSeen = false;
        boolean assigneeSeen = false;
        boolean prioritySeen = false;
        String firstTitle = item.title();
        boolean titleSeen = false;
        List<String> firstLabels = labels;
        boolean labelsSeen = false;
        for (History h : histories) {
            for (Item it : h.items()) {
                String field = it.field();
                if ("status".equals(field) && !statusSeen) {
                    firstStatus = it.from();
                    statusSeen = true;
                } else if ("assignee".equals(field) && !assigneeSeen) {
                    firstAssignee = it.from();
                    assigneeSeen = true;
                } else if ("priority".equals(field) && !prioritySeen) {
                    firstPriority = it.from();
                    prioritySeen = true;
                } else if ("labels".equals(field) && !labelsSeen) {
                    firstLabels = List.copyOf(words(it.from()));
                    labelsSeen = true;
                } else if ("summary".equals(field) && !titleSeen) {
                    firstTitle = it.from();
                    titleSeen = true;
                }
            }
        }
        String creator = user(object(fields, "creator"));
        if (creator == null) {
            creator = user(object(fields, "reporter"));
        }
        String prefix = "jira:" + id;
        SourceItem atCreation = new SourceItem(key, item.type(), item.project(), firstLabels, firstTitle, item.status(),
                item.statusDone(), item.effort());
        sink.change(new SourceChange(atCreation, prefix + ":created", created, creator, ChangeKind.CREATED, "status",
                null, firstStatus));
        if (firstAssignee != null) {
            sink.change(new SourceChange(item, prefix + ":created:assignee", created, creator, ChangeKind.ASSIGNEE,
                    "assignee", null, firstAssignee));
        }
        if (firstPriority != null) {
            sink.change(new SourceChange(item, prefix + ":created:priority", created, creator, ChangeKind.PRIORITY,
                    "priority", null, firstPriority));
        }
        for (History h : histories) {
            List<Item> items = h.items();
            for (int rank = 0; rank < 3; rank++) {
                for (int index = 0; index < items.size(); index++) {
                    if (rank(items.get(index)) == rank) {
                        change(item, prefix + ":changelog:" + h.id() + ":" + index, h, items.get(index), sink);
                    }
                }
            }
        }
    }

    /**
     * Where a changelog item goes among the items of its entry: a resolution cleared first, so
     * the reopen happens where the item was; a resolution set last, so the completion happens
     * in the status the same entry moves it to; everything else in between, in Jira's order.
     */
    private static int rank(Item it) {
        if (!"resolution".equals(it.field())) {
            return 1;
        }
        return it.to() == null ? 0 : 2;
    }

    private static void change(SourceItem item, String changeId, History h, Item it, SourceSink sink) {
        String field = it.field();
        String from = it.from();
        String to = it.to();
        if (field == null) {
            return;
        }
        ChangeKind kind = switch (field) {
            case "status" -> ChangeKind.STATUS;
            case "assignee" -> ChangeKind.ASSIGNEE;
            case "priority" -> ChangeKind.PRIORITY;
            case "resolution" -> to != null ? ChangeKind.CLOSED : ChangeKind.REOPENED;
            case "labels" -> ChangeKind.LABEL;
            default -> ChangeKind.FIELD;
        };
        if (kind == ChangeKind.LABEL) {
            // Jira writes the whole label set before and after, separated by spaces.
            Set<String> before = words(from);
            Set<String> after = words(to);
            for (String added : after) {
                if (!before.contains(added)) {
                    sink.change(new SourceChange(item, changeId + ":+" + added, h.at(), h.actor(), kind, field, null, added));
                }
            }
            for (String removed : before) {
                if (!after.contains(removed)) {
                    sink.change(new SourceChange(item, changeId + ":-" + removed, h.at(), h.actor(), kind, field, removed, null));
                }
            }
            return;
        }
        sink.change(new SourceChange(item, changeId, h.at(), h.actor(), kind, field, from, to));
    }

    private static Set<String> words(String text) {
        Set<String> result = new LinkedHashSet<>();
        if (text != null) {
            for (String w : text.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    result.add(w);
                }
            }
        }
        return result;
    }

    /**
     * A person as Jira shows them: the display name (what assignee changes carry as
     * {@code toString}, so actors and owners map with the same mapping entries), else the
     * account id (Cloud), user name (Server) or e-mail.
     */
    static String user(Map<String, Object> user) {
        if (user == null) {
            return null;
        }
        for (String key : List.of("displayName", "name", "accountId", "emailAddress", "key")) {
            String value = text(user, key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
