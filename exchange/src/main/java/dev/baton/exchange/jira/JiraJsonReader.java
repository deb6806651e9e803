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
 */
public final class JiraJsonReader implements SourceReader {

    public static final String KIND = "jira-json";
    /** Parts of the JSON no change needs; skipped while reading to keep memory and time down. */
    private static final Set<String> SKIPPED = Set.of("avatarUrls", "self", "iconUrl", "renderedFields",
            "transitions", "editmeta", "operations", "versionedRepresentations", "schema", "watches", "votes",
            "description", "comment", "worklog", "attachment", "issuelinks", "subtasks", "timetracking");

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
                throw json.wrongShape(first == null ? "an empty file" : "JSON starting with " + first);
            }
            if (json.next() != null) {
                throw json.wrongShape("more JSON after the end of the results");
            }
        }
    }

    /** A search page (issues streamed) or a single issue (read whole), the parser on its START_OBJECT. */
    private void readRoot(JsonSource json, SourceSink sink) {
        Map<String, Object> rest = new HashMap<>();
        boolean sawIssues = false;
        JsonToken t;
        while ((t = json.next()) == JsonToken.PROPERTY_NAME) {
            String name = json.name();
            JsonToken value = json.next();
            if (name.equals("issues") && value == JsonToken.START_ARRAY) {
                sawIssues = true;
                JsonToken element;
                while ((element = json.next()) != JsonToken.END_ARRAY) {
                    if (element != JsonToken.START_OBJECT) {
                        throw json.wrongShape("an issue that is " + element);
                    }
                    String where = json.where();
                    issue(json.tree(SKIPPED), where, sink);
                }
            } else if (SKIPPED.contains(name) || name.equals("names")) {
                json.skip();
            } else {
                rest.put(name, json.tree(SKIPPED));
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw json.wrongShape(String.valueOf(t));
        }
        if (sawIssues) {
            return;
        }
        if (rest.containsKey("fields") && rest.containsKey("key")) {
            issue(rest, json.where(), sink);
        } else {
            throw json.wrongShape("an object with the keys " + new java.util.TreeSet<>(rest.keySet()));
        }
    }

    private record History(String id, Instant at, String actor, List<Object> items, int order) {
    }

    private void issue(Object issue, String where, SourceSink sink) {
        String id = text(issue, "id");
        String key = text(issue, "key");
        Map<String, Object> fields = object(issue, "fields");
        if (id == null || key == null || fields == null) {
            throw new SourceFormatException(where, "expected an issue with \"id\", \"key\" and \"fields\", found "
                    + (issue instanceof Map<?, ?> m ? "the keys " + new java.util.TreeSet<>(m.keySet()) : "something else"));
        }
        Instant created = Times.parse(text(fields, "created")).orElseThrow(() -> new SourceFormatException(where,
                "expected fields.created of issue " + key + " to be a timestamp, found " + text(fields, "created")));
        List<String> labels = new ArrayList<>();
        for (Object label : list(fields, "labels")) {
            if (label != null) {
                labels.add(label.toString());
            }
        }
        SourceItem item = new SourceItem(key, text(fields, "issuetype", "name"), text(fields, "project", "key"),
                labels, text(fields, "summary"));

        Map<String, Object> changelog = object(issue, "changelog");
        List<History> histories = new ArrayList<>();
        if (changelog != null) {
            int order = 0;
            for (Object h : list(changelog, "histories")) {
                String at = text(h, "created");
                Instant when = Times.parse(at).orElseThrow(() -> new SourceFormatException(where,
                        "expected a timestamp in a changelog entry of " + key + ", found " + at));
                histories.add(new History(text(h, "id"), when, user(object(h, "author")), list(h, "items"), order++));
            }
            Number total = changelog.get("total") instanceof Number n ? n : null;
            if (total != null && total.intValue() > histories.size()) {
                sink.note("changelog-cut", key + ": the export holds " + histories.size() + " of "
                        + total + " changelog entries; the rest are missing (fetch /issue/" + key + "/changelog)");
            }
        } else {
            sink.note("no-changelog", key + ": no changelog in the export (was expand=changelog set?)");
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
            for (Object it : h.items()) {
                String field = text(it, "field");
                if ("status".equals(field) && !statusSeen) {
                    firstStatus = itemFrom(it);
                    statusSeen = true;
                } else if ("assignee".equals(field) && !assigneeSeen) {
                    firstAssignee = itemFrom(it);
                    assigneeSeen = true;
                } else if ("priority".equals(field) && !prioritySeen) {
                    firstPriority = itemFrom(it);
                    prioritySeen = true;
                } else if ("labels".equals(field) && !labelsSeen) {
                    firstLabels = List.copyOf(words(itemFrom(it)));
                    labelsSeen = true;
                } else if ("summary".equals(field) && !titleSeen) {
                    firstTitle = itemFrom(it);
                    titleSeen = true;
                }
            }
        }
        String creator = user(object(fields, "creator"));
        if (creator == null) {
            creator = user(object(fields, "reporter"));
        }
        String prefix = "jira:" + id;
        SourceItem atCreation = new SourceItem(key, item.type(), item.project(), firstLabels, firstTitle);
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
            int index = 0;
            for (Object it : h.items()) {
                String changeId = prefix + ":changelog:" + h.id() + ":" + index++;
                change(item, changeId, h, it, sink);
            }
        }
    }

    private static void change(SourceItem item, String changeId, History h, Object it, SourceSink sink) {
        String field = text(it, "field");
        String from = itemFrom(it);
        String to = itemTo(it);
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

    /** The shown value before the change ({@code fromString}), else the raw one ({@code from}). */
    private static String itemFrom(Object it) {
        String shown = text(it, "fromString");
        return shown != null ? shown : text(it, "from");
    }

    private static String itemTo(Object it) {
        String shown = text(it, "toString");
        return shown != null ? shown : text(it, "to");
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
