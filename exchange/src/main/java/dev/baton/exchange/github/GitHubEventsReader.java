package dev.baton.exchange.github;

import static dev.baton.exchange.source.JsonSource.list;
import static dev.baton.exchange.source.JsonSource.object;
import static dev.baton.exchange.source.JsonSource.text;

import dev.baton.exchange.io.SpillSort;
import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.source.JsonSource;
import dev.baton.exchange.source.JsonTreeCodec;
import dev.baton.exchange.source.Labels;
import dev.baton.exchange.source.SortNotes;
import dev.baton.exchange.source.SourceChange;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.source.SourceItem;
import dev.baton.exchange.source.SourceReader;
import dev.baton.exchange.source.SourceSink;
import dev.baton.exchange.source.Times;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonToken;

/**
 * GitHub issue events as the REST API returns them, in either of its two shapes: the repository's
 * issue events ({@code GET /repos/{owner}/{repo}/issues/events}, each event with its
 * {@code issue}), or one issue with its timeline ({@code {"issue": {...}, "timeline": [...]}}
 * from {@code GET /repos/{owner}/{repo}/issues/{n}} and {@code …/timeline}); a JSON array of
 * either. Labels are how most teams keep a status on GitHub, so a label added is a label change
 * (a stage move when the mapping's {@code status-labels} say so); a classic project card moved
 * between columns is a status change; assignments, closing, reopening, renames and comments are
 * kept. The issue's {@code created_at} creates it. Elements stream one at a time; their events go
 * into a {@link SpillSort} (on disk past its memory budget) and are replayed issue by issue, oldest
 * first, issues in the order they first appear.
 *
 * <p>Change ids: {@code github:<repository>#<number>:<event id>}, the creation
 * {@code github:<repository>#<number>:created}.
 */
public final class GitHubEventsReader implements SourceReader {

    public static final String KIND = "github-events";
    private static final Set<String> SKIPPED = Set.of("avatar_url", "gravatar_id", "followers_url", "following_url",
            "gists_url", "starred_url", "subscriptions_url", "organizations_url", "repos_url", "events_url",
            "received_events_url", "reactions", "performed_via_github_app", "body_html", "body_text");

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String expectedShape() {
        return "GitHub issue events ([{\"id\", \"event\": \"labeled\"|\"assigned\"|\"closed\"|…, \"actor\", \"created_at\", "
                + "\"issue\": {\"number\", …}}] or {\"issue\": {…}, \"timeline\": [...]})";
    }

    private record Issue(String key, SourceItem item, Instant created, String author) {
    }

    @Override
    public void read(InputStream in, SourceSink sink) {
        read(in, sink, SpillSort.DEFAULT_MEMORY);
    }

    /**
     * Reads with a given memory budget for putting the events in order (beyond it they go to disk).
     * Besides the budget, memory holds per issue its title, labels and creation, and one issue's
     * events while it is replayed.
     */
    public void read(InputStream in, SourceSink sink, long sortMemory) {
        Issues issues = new Issues();
        try (JsonSource json = new JsonSource(in, expectedShape());
             SpillSort<Object> sorted = new SpillSort<>(JsonTreeCodec.INSTANCE, sortMemory)) {
            JsonToken first = json.next();
            if (first == JsonToken.START_OBJECT) {
                element(json.tree(SKIPPED), json.where(), issues, sorted);
            } else if (first == JsonToken.START_ARRAY) {
                JsonToken t;
                while ((t = json.next()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        throw json.wrongShape("an array holding " + t);
                    }
                    String where = json.where();
                    element(json.tree(SKIPPED), where, issues, sorted);
                }
            } else {
                throw json.wrongShape(first == null ? "an empty file" : "JSON starting with " + first);
            }
            if (json.next() != null) {
                throw json.wrongShape("more JSON after the events");
            }
            SortNotes.spilled(sorted, sink);
            // Each issue is marked by a null record before its events, so issues without events are created too.
            List<Timed> events = new ArrayList<>();
            long[] current = {-1};
            sorted.drain((group, e) -> {
                if (group != current[0]) {
                    if (current[0] >= 0) {
                        replay(issues.list.get((int) current[0]), events, sink);
                    }
                    events.clear();
                    current[0] = group;
                }
                if (e != null) {
                    events.add(new Timed(e, Times.parse(text(e, "created_at")).orElseThrow()));
                }
            });
            if (current[0] >= 0) {
                replay(issues.list.get((int) current[0]), events, sink);
            }
        }
    }

    /** The issues met so far, in the order met: their index is their group in the sort. */
    private static final class Issues {
        final Map<String, Integer> index = new HashMap<>();
        final List<Issue> list = new ArrayList<>();
    }

    /** One issue with its timeline, or one repository issue event (which names its issue). */
    private void element(Object tree, String where, Issues issues, SpillSort<Object> sorted) {
        Map<String, Object> issue = object(tree, "issue");
        if (issue == null) {
            throw new SourceFormatException(where, "expected " + expectedShape() + ", found "
                    + (tree instanceof Map<?, ?> m ? "an object with the keys " + new java.util.TreeSet<>(m.keySet()) : "something else"));
        }
        String key = key(issue, where);
        Integer group = issues.index.get(key);
        if (group == null) {
            group = issues.list.size();
            issues.index.put(key, group);
            issues.list.add(issue(key, issue, where));
            sorted.add(group, Long.MIN_VALUE, 0, null);
        }
        if (tree instanceof Map<?, ?> m && m.containsKey("timeline")) {
            for (Object e : list(tree, "timeline")) {
                event(e, key, group, where, sorted);
            }
        } else {
            // The issue is known now; each event needs only its own part.
            m(tree).remove("issue");
            event(tree, key, group, where, sorted);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> m(Object tree) {
        return (Map<String, Object>) tree;
    }

    private static void event(Object e, String key, int group, String where, SpillSort<Object> sorted) {
        String at = text(e, "created_at");
        Instant when = Times.parse(at).orElseThrow(() -> new SourceFormatException(where,
                "expected created_at on every event of " + key + ", found " + at));
        sorted.add(group, when.getEpochSecond(), when.getNano(), e);
    }

    private static String key(Map<String, Object> issue, String where) {
        String repositoryUrl = text(issue, "repository_url");
        String repository = repositoryUrl == null ? "" : repositoryUrl.replaceFirst("^https://api\\.github\\.com/repos/", "");
        return repository + "#" + JsonSource.id(issue, "number", where);
    }

    private static Issue issue(String key, Map<String, Object> issue, String where) {
        Instant created = Times.parse(text(issue, "created_at")).orElseThrow(() -> new SourceFormatException(where,
                "expected issue.created_at of " + key + " to be a timestamp, found " + text(issue, "created_at")));
        List<String> labels = new ArrayList<>();
        for (Object l : list(issue, "labels")) {
            String name = l instanceof String s ? s : text(l, "name");
            if (name != null) {
                labels.add(name);
            }
        }
        String repository = key.substring(0, key.indexOf('#'));
        boolean pull = object(issue, "pull_request") != null;
        SourceItem item = new SourceItem(key.startsWith("#") ? key.substring(1) : key, pull ? "pull request" : "issue",
                repository.isEmpty() ? null : repository, labels, text(issue, "title"));
        return new Issue(key, item, created, text(issue, "user", "login"));
    }

    private record Timed(Object event, Instant at) {
    }

    /** One issue's events, oldest first (equal times in file order). */
    private void replay(Issue issue, List<Timed> events, SourceSink sink) {
        String prefix = "github:" + issue.key();
        List<Labels.Change> labelChanges = new ArrayList<>();
        for (Timed t : events) {
            String event = text(t.event(), "event");
            if ("labeled".equals(event) || "unlabeled".equals(event)) {
                labelChanges.add(new Labels.Change("labeled".equals(event), text(t.event(), "label", "name")));
            }
        }
        List<String> firstLabels = Labels.atStart(issue.item().labels(), labelChanges);
        SourceItem item = issue.item();
        SourceItem atCreation = new SourceItem(item.key(), item.type(), item.project(), firstLabels, item.title());
        sink.change(new SourceChange(atCreation, prefix + ":created", issue.created(), issue.author(), ChangeKind.CREATED,
                null, null, null));
        for (Timed t : events) {
            Object e = t.event();
            String event = text(e, "event");
            String id = prefix + ":" + (text(e, "id") != null ? text(e, "id") : text(e, "node_id"));
            String actor = text(e, "actor", "login");
            if (actor == null) {
                actor = text(e, "user", "login");
            }
            Instant at = t.at();
            switch (event == null ? "" : event) {
                case "labeled" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.LABEL, "labels", null,
                        text(e, "label", "name")));
                case "unlabeled" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.LABEL, "labels",
                        text(e, "label", "name"), null));
                case "assigned" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.ASSIGNEE, "assignee", null,
                        text(e, "assignee", "login")));
                case "unassigned" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.ASSIGNEE, "assignee",
                        text(e, "assignee", "login"), null));
                case "closed" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.CLOSED, "state", "open",
                        "closed"));
                case "reopened" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.REOPENED, "state", "closed",
                        "open"));
                case "renamed" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.FIELD, "title",
                        text(e, "rename", "from"), text(e, "rename", "to")));
                case "milestoned" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.FIELD, "milestone",
                        null, text(e, "milestone", "title")));
                case "demilestoned" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.FIELD, "milestone",
                        text(e, "milestone", "title"), null));
                case "commented" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.COMMENT, "comment", null,
                        text(e, "body")));
                case "moved_columns_in_project", "added_to_project" -> sink.change(new SourceChange(item, id, at, actor,
                        ChangeKind.STATUS, "project column", text(e, "project_card", "previous_column_name"),
                        text(e, "project_card", "column_name")));
                default -> sink.note("github-" + event, "GitHub events of type " + event + " are not imported");
            }
        }
    }
}
