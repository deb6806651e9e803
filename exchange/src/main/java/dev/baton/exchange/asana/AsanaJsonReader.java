package dev.baton.exchange.asana;

import static dev.baton.exchange.source.JsonSource.list;
import static dev.baton.exchange.source.JsonSource.object;
import static dev.baton.exchange.source.JsonSource.text;

import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.source.JsonSource;
import dev.baton.exchange.source.Labels;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonToken;

/**
 * Asana tasks with their stories, as the API returns them: {@code {"data": [task, …]}} (or a bare
 * array of tasks), each task as {@code GET /tasks/{gid}} gives it with a {@code stories} list as
 * {@code GET /tasks/{gid}/stories} gives it. Tasks stream one at a time.
 *
 * <p>Sections are Asana's board columns: a {@code section_changed} story is a status change
 * ({@code old_section} → {@code new_section}); {@code assigned}/{@code unassigned} change the
 * owner, {@code marked_complete}/{@code marked_incomplete} complete and reopen, renames, due dates
 * and custom fields are field changes, tags are labels, comments are comments. The first section
 * is the {@code old_section} of the first move, else the task's section now.
 *
 * <p>Change ids: {@code asana:<story gid>}, the creation {@code asana:<task gid>:created}.
 */
public final class AsanaJsonReader implements SourceReader {

    public static final String KIND = "asana-json";
    private static final Set<String> SKIPPED = Set.of("photo", "html_text", "html_notes", "likes", "hearts",
            "followers", "permalink_url");

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String expectedShape() {
        return "Asana tasks with their stories ({\"data\": [{\"gid\", \"name\", \"created_at\", \"memberships\", "
                + "\"stories\": [{\"gid\", \"created_at\", \"resource_subtype\", …}]}]})";
    }

    @Override
    public void read(InputStream in, SourceSink sink) {
        try (JsonSource json = new JsonSource(in, expectedShape())) {
            JsonToken first = json.next();
            if (first == JsonToken.START_ARRAY) {
                tasks(json, sink);
            } else if (first == JsonToken.START_OBJECT) {
                boolean sawData = false;
                JsonToken t;
                while ((t = json.next()) == JsonToken.PROPERTY_NAME) {
                    String name = json.name();
                    JsonToken value = json.next();
                    if (name.equals("data") && value == JsonToken.START_ARRAY) {
                        sawData = true;
                        tasks(json, sink);
                    } else if (name.equals("data") && value == JsonToken.START_OBJECT) {
                        sawData = true;
                        task(json.tree(SKIPPED), json.where(), sink);
                    } else {
                        json.skip();
                    }
                }
                if (!sawData) {
                    throw json.wrongShape("an object without \"data\"");
                }
            } else {
                throw json.wrongShape(first == null ? "an empty file" : "JSON starting with " + first);
            }
        }
    }

    private void tasks(JsonSource json, SourceSink sink) {
        JsonToken t;
        while ((t = json.next()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw json.wrongShape("a task that is " + t);
            }
            String where = json.where();
            task(json.tree(SKIPPED), where, sink);
        }
    }

    private record Story(Object tree, Instant at, int order) {
    }

    private void task(Object task, String where, SourceSink sink) {
        String gid = text(task, "gid");
        if (gid == null || !(task instanceof Map<?, ?> m) || !m.containsKey("created_at")) {
            throw new SourceFormatException(where, "expected a task with \"gid\" and \"created_at\", found "
                    + (task instanceof Map<?, ?> map ? "the keys " + new java.util.TreeSet<>(map.keySet()) : "something else"));
        }
        Instant created = Times.parse(text(task, "created_at")).orElseThrow(() -> new SourceFormatException(where,
                "expected created_at of task " + gid + " to be a timestamp, found " + text(task, "created_at")));
        Object membership = list(task, "memberships").stream().findFirst().orElse(null);
        String project = text(object(membership, "project"), "name");
        if (project == null) {
            project = list(task, "projects").stream().map(p -> text(p, "name")).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
        }
        String section = text(object(membership, "section"), "name");
        List<String> tags = new ArrayList<>();
        for (Object tag : list(task, "tags")) {
            String name = text(tag, "name");
            if (name != null) {
                tags.add(name);
            }
        }
        String type = text(task, "resource_subtype");
        SourceItem item = new SourceItem(gid, type == null ? "task" : type, project, tags, text(task, "name"));

        List<Story> stories = new ArrayList<>();
        int order = 0;
        for (Object s : list(task, "stories")) {
            String at = text(s, "created_at");
            Instant when = Times.parse(at).orElseThrow(() -> new SourceFormatException(where,
                    "expected created_at on every story of task " + gid + ", found " + at));
            stories.add(new Story(s, when, order++));
        }
        stories.sort(Comparator.comparing(Story::at).thenComparingInt(Story::order));
        String firstSection = section;
        String firstAssignee = text(task, "assignee", "name");
        boolean sectionSeen = false;
        boolean assigneeSeen = false;
        String creator = text(task, "created_by", "name");
        for (Story s : stories) {
            String subtype = text(s.tree(), "resource_subtype");
            if ("section_changed".equals(subtype) && !sectionSeen) {
                firstSection = text(s.tree(), "old_section", "name");
                sectionSeen = true;
            } else if (("assigned".equals(subtype) || "unassigned".equals(subtype)) && !assigneeSeen) {
                firstAssignee = null;
                assigneeSeen = true;
            } else if ("added_to_project".equals(subtype) && creator == null) {
                creator = text(s.tree(), "created_by", "name");
            }
        }
        List<Labels.Change> tagChanges = new ArrayList<>();
        for (Story s : stories) {
            String subtype = text(s.tree(), "resource_subtype");
            if ("added_to_tag".equals(subtype) || "removed_from_tag".equals(subtype)) {
                tagChanges.add(new Labels.Change("added_to_tag".equals(subtype), text(s.tree(), "tag", "name")));
            }
        }
        SourceItem atCreation = new SourceItem(gid, item.type(), project, Labels.atStart(tags, tagChanges), item.title());
        String prefix = "asana:" + gid;
        sink.change(new SourceChange(atCreation, prefix + ":created", created, creator, ChangeKind.CREATED, "section", null,
                firstSection));
        if (firstAssignee != null) {
            sink.change(new SourceChange(item, prefix + ":created:assignee", created, creator, ChangeKind.ASSIGNEE,
                    "assignee", null, firstAssignee));
        }
        String owner = firstAssignee;
        for (Story s : stories) {
            Object story = s.tree();
            String id = "asana:" + text(story, "gid");
            String actor = text(story, "created_by", "name");
            Instant at = s.at();
            String subtype = text(story, "resource_subtype");
            switch (subtype == null ? "" : subtype) {
                case "section_changed" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.STATUS, "section",
                        text(story, "old_section", "name"), text(story, "new_section", "name")));
                case "assigned" -> {
                    String to = text(story, "assignee", "name");
                    sink.change(new SourceChange(item, id, at, actor, ChangeKind.ASSIGNEE, "assignee", owner, to));
                    owner = to;
                }
                case "unassigned" -> {
                    sink.change(new SourceChange(item, id, at, actor, ChangeKind.ASSIGNEE, "assignee", owner, null));
                    owner = null;
                }
                case "marked_complete" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.CLOSED, "completed",
                        "false", "true"));
                case "marked_incomplete" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.REOPENED,
                        "completed", "true", "false"));
                case "name_changed" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.FIELD, "name",
                        text(story, "old_name"), text(story, "new_name")));
                case "due_date_changed" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.FIELD, "due_on",
                        text(story, "old_dates", "due_on"), text(story, "new_dates", "due_on")));
                case "enum_custom_field_changed", "number_custom_field_changed", "text_custom_field_changed",
                     "date_custom_field_changed", "multi_enum_custom_field_changed", "people_custom_field_changed" ->
                        sink.change(new SourceChange(item, id, at, actor, ChangeKind.FIELD,
                                text(story, "custom_field", "name"), customValue(story, "old"), customValue(story, "new")));
                case "added_to_tag" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.LABEL, "tags", null,
                        text(story, "tag", "name")));
                case "removed_from_tag" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.LABEL, "tags",
                        text(story, "tag", "name"), null));
                case "comment_added" -> sink.change(new SourceChange(item, id, at, actor, ChangeKind.COMMENT, "comment",
                        null, text(story, "text")));
                default -> sink.note("asana-" + subtype, "Asana stories of type " + subtype + " are not imported");
            }
        }
    }

    /** The shown value of a custom-field story's old or new side, whatever the field's type. */
    private static String customValue(Object story, String side) {
        String enumValue = text(story, side + "_enum_value", "name");
        if (enumValue != null) {
            return enumValue;
        }
        String number = text(story, side + "_number_value");
        if (number != null) {
            return number;
        }
        String text = text(story, side + "_text_value");
        if (text != null) {
            return text;
        }
        return text(story, side + "_date_value", "date");
    }
}
