package dev.baton.exchange.trello;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JsonToken;

/**
 * A Trello board's "Export as JSON": the board with its {@code cards}, {@code lists} and
 * {@code actions}. The board streams: each action is read on its own, and as Trello lists actions
 * newest first, they go into a {@link SpillSort} (on disk past its memory budget) to be replayed
 * oldest first, card by card.
 *
 * <p>A list move ({@code updateCard} with {@code listBefore}/{@code listAfter}) is a status
 * change; adding or removing a member is an assignee change; closing and reopening a card,
 * label changes, renames and comments are kept too. Each change's id is
 * {@code trello:<action id>}, a card's creation {@code trello:<card id>:created}.
 */
public final class TrelloJsonReader implements SourceReader {

    public static final String KIND = "trello-json";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String expectedShape() {
        return "a Trello board export ({\"id\", \"name\", \"lists\": [...], \"cards\": [...], \"actions\": "
                + "[{\"type\": \"createCard\"|\"updateCard\"|..., \"date\", \"data\": {\"card\", ...}}]})";
    }

    private record Action(Object tree, Instant at) {
    }

    /** Parts of an action no change needs (none a card's {@code old} values could hold); skipped while reading. */
    private static final Set<String> SKIPPED = Set.of("prefs", "limits", "labelNames", "avatarHash", "avatarUrl",
            "initials", "nonPublic", "nonPublicAvailable", "activityBlocked", "idMemberReferrer");

    @Override
    public void read(InputStream in, SourceSink sink) {
        read(in, sink, SpillSort.DEFAULT_MEMORY);
    }

    /**
     * Reads with a given memory budget for putting the actions in order (beyond it they go to disk).
     * Besides the budget, memory holds per card its name, labels and list, and the board's lists,
     * members and labels by id: they come after the actions in an export and name what they refer to.
     */
    public void read(InputStream in, SourceSink sink, long sortMemory) {
        String boardName = null;
        Map<String, String> listNames = new HashMap<>();
        Map<String, String> memberNames = new HashMap<>();
        Map<String, String> labelNames = new HashMap<>();
        Map<String, Object> cards = new LinkedHashMap<>();
        Map<String, Integer> cardOrder = new HashMap<>();
        Set<String> keys = new TreeSet<>();
        int skipped = 0;
        try (JsonSource json = new JsonSource(in, expectedShape());
             SpillSort<Object> sorted = new SpillSort<>(JsonTreeCodec.INSTANCE, sortMemory)) {
            JsonToken first = json.next();
            if (first != JsonToken.START_OBJECT) {
                throw json.wrongShape(first == null ? "an empty file" : "JSON starting with " + first);
            }
            while (json.next() == JsonToken.PROPERTY_NAME) {
                String name = json.name();
                JsonToken value = json.next();
                keys.add(name);
                switch (name) {
                    case "name" -> boardName = value == JsonToken.VALUE_STRING ? json.parser().getString() : null;
                    case "actions" -> {
                        int order = 0;
                        for (JsonToken t = json.firstObject(value); t != JsonToken.END_ARRAY; t = json.nextObject()) {
                            String where = json.where();
                            Object a = json.tree(SKIPPED);
                            String cardId = text(object(a, "data"), "card", "id");
                            String date = text(a, "date");
                            Instant at = Times.parse(date).orElse(null);
                            if (at == null && (date != null || cardId != null)) {
                                // Never counted as "about the board": a card's move at an unreadable time is refused.
                                throw new SourceFormatException(where, "action " + text(a, "id") + " (" + text(a, "type")
                                        + (cardId == null ? "" : " of card " + cardId) + "): \"date\" "
                                        + Times.expected(date == null ? "none" : date).replace("found 'none'", "found none"));
                            }
                            if (cardId == null) {
                                skipped++;
                                continue;
                            }
                            // The export lists actions newest first: equal times are replayed in reverse file order.
                            int card = cardOrder.computeIfAbsent(cardId, k -> cardOrder.size());
                            sorted.add(card, at.toEpochMilli(), -(order++), a);
                        }
                    }
                    case "cards" -> {
                        for (JsonToken t = json.firstObject(value); t != JsonToken.END_ARRAY; t = json.nextObject()) {
                            Object c = json.tree(SKIPPED);
                            cards.put(text(c, "id"), card(c));
                        }
                    }
                    case "lists" -> names(json, value, listNames, l -> text(l, "name"));
                    case "members" -> names(json, value, memberNames, TrelloJsonReader::name);
                    case "labels" -> names(json, value, labelNames, l -> text(l, "name"));
                    default -> json.skip();
                }
            }
            if (json.next() != null) {
                throw json.wrongShape("more JSON after the board");
            }
            if (!keys.contains("actions") || !keys.contains("cards")) {
                throw new SourceFormatException("line 1, column 1", "expected " + expectedShape()
                        + ", found an object with the keys " + keys);
            }
            if (skipped > 0) {
                sink.note("board-actions", skipped + " actions are about the board or its lists, not a card (not imported)");
            }
            SortNotes.spilled(sorted, sink);
            String board = boardName;
            // One card's actions at a time, oldest first; the cards in the order their actions first appear.
            List<Action> actions = new ArrayList<>();
            String[] current = {null};
            sorted.drain((group, a) -> {
                String cardId = text(object(a, "data"), "card", "id");
                if (!cardId.equals(current[0])) {
                    if (current[0] != null) {
                        card(current[0], cards.remove(current[0]), actions, board, listNames, memberNames, labelNames, sink);
                    }
                    actions.clear();
                    current[0] = cardId;
                }
                actions.add(new Action(a, Times.parse(text(a, "date")).orElseThrow()));
            });
            if (current[0] != null) {
                card(current[0], cards.remove(current[0]), actions, board, listNames, memberNames, labelNames, sink);
            }
            // Cards without an action in the export, in board order.
            cards.forEach((cardId, card) -> card(cardId, card, List.of(), board, listNames, memberNames, labelNames, sink));
        }
    }

    private static void names(JsonSource json, JsonToken value, Map<String, String> into,
                              java.util.function.Function<Object, String> name) {
        for (JsonToken t = json.firstObject(value); t != JsonToken.END_ARRAY; t = json.nextObject()) {
            Object o = json.tree(SKIPPED);
            into.put(text(o, "id"), name.apply(o));
        }
    }

    /** What the replay needs of a card: its name, labels and list. */
    private static Map<String, Object> card(Object c) {
        Map<String, Object> card = new HashMap<>(4);
        card.put("name", text(c, "name"));
        card.put("idList", text(c, "idList"));
        List<Object> labels = new ArrayList<>();
        for (Object l : list(c, "labels")) {
            String name = text(l, "name");
            if (name != null) {
                labels.add(Map.of("name", name));
            }
        }
        card.put("labels", labels);
        return card;
    }

    private void card(String cardId, Object card, List<Action> actions, String board, Map<String, String> listNames,
                      Map<String, String> memberNames, Map<String, String> labelNames, SourceSink sink) {
        String title = text(card, "name");
        if (title == null && !actions.isEmpty()) {
            title = text(object(actions.get(0).tree(), "data"), "card", "name");
        }
        List<String> labels = new ArrayList<>();
        for (Object l : list(card, "labels")) {
            String n = text(l, "name");
            if (n != null && !n.isEmpty()) {
                labels.add(n);
            }
        }
        List<Labels.Change> labelChanges = new ArrayList<>();
        for (Action a : actions) {
            String type = text(a.tree(), "type");
            if ("addLabelToCard".equals(type) || "removeLabelFromCard".equals(type)) {
                labelChanges.add(new Labels.Change("addLabelToCard".equals(type), label(object(a.tree(), "data"), labelNames)));
            }
        }
        List<String> firstLabels = Labels.atStart(labels, labelChanges);
        SourceItem item = new SourceItem(cardId, "card", board, firstLabels, title);
        String createdId = "trello:" + cardId + ":created";
        Action creation = actions.stream().filter(a -> isCreation(text(a.tree(), "type"))).findFirst().orElse(null);
        if (creation != null) {
            Object data = object(creation.tree(), "data");
            String list = text(data, "list", "name");
            if (list == null) {
                list = listNames.get(text(data, "list", "id"));
            }
            sink.change(new SourceChange(item, createdId, creation.at(), actor(creation.tree(), memberNames),
                    ChangeKind.CREATED, "list", null, list));
        } else {
            // The export keeps a limited number of actions: the card's id still tells when it was made.
            String firstList = actions.stream().map(a -> object(object(a.tree(), "data"), "listBefore"))
                    .filter(java.util.Objects::nonNull).map(l -> text(l, "name")).findFirst()
                    .orElse(listNames.get(text(card, "idList")));
            sink.note("card-created-from-id", "cards without a createCard action are created at the time in their id");
            sink.change(new SourceChange(item, createdId, idTime(cardId), null, ChangeKind.CREATED, "list", null, firstList));
        }
        for (Action a : actions) {
            if (a == creation) {
                continue;
            }
            action(item, a, listNames, memberNames, labelNames, sink);
        }
    }

    private static boolean isCreation(String type) {
        return "createCard".equals(type) || "copyCard".equals(type) || "convertToCardFromCheckItem".equals(type)
                || "emailCard".equals(type);
    }

    private void action(SourceItem item, Action a, Map<String, String> listNames, Map<String, String> memberNames,
                        Map<String, String> labelNames, SourceSink sink) {
        Object tree = a.tree();
        String id = "trello:" + text(tree, "id");
        String type = text(tree, "type");
        String actor = actor(tree, memberNames);
        Map<String, Object> data = object(tree, "data");
        Map<String, Object> old = object(data, "old");
        switch (type == null ? "" : type) {
            case "updateCard" -> {
                if (object(data, "listAfter") != null || (old != null && old.containsKey("idList"))) {
                    String from = text(data, "listBefore", "name");
                    String to = text(data, "listAfter", "name");
                    if (from == null && old != null) {
                        from = listNames.get(text(old, "idList"));
                    }
                    if (to == null) {
                        to = listNames.get(text(object(data, "card"), "idList"));
                    }
                    sink.change(new SourceChange(item, id, a.at(), actor, ChangeKind.STATUS, "list", from, to));
                } else if (old != null && old.containsKey("closed")) {
                    boolean closed = Boolean.TRUE.equals(object(data, "card") == null ? null : object(data, "card").get("closed"));
                    sink.change(new SourceChange(item, id, a.at(), actor, closed ? ChangeKind.CLOSED : ChangeKind.REOPENED,
                            "closed", String.valueOf(!closed), String.valueOf(closed)));
                } else if (old != null && !old.isEmpty()) {
                    for (String field : new java.util.TreeSet<>(old.keySet())) {
                        sink.change(new SourceChange(item, id + ":" + field, a.at(), actor, ChangeKind.FIELD, field,
                                text(old, field), text(object(data, "card"), field)));
                    }
                }
            }
            case "addMemberToCard" -> sink.change(new SourceChange(item, id, a.at(), actor, ChangeKind.ASSIGNEE,
                    "members", null, member(tree, data, memberNames)));
            case "removeMemberFromCard" -> sink.change(new SourceChange(item, id, a.at(), actor, ChangeKind.ASSIGNEE,
                    "members", member(tree, data, memberNames), null));
            case "addLabelToCard" -> sink.change(new SourceChange(item, id, a.at(), actor, ChangeKind.LABEL, "labels",
                    null, label(data, labelNames)));
            case "removeLabelFromCard" -> sink.change(new SourceChange(item, id, a.at(), actor, ChangeKind.LABEL, "labels",
                    label(data, labelNames), null));
            case "commentCard" -> sink.change(new SourceChange(item, id, a.at(), actor, ChangeKind.COMMENT, "comment",
                    null, text(data, "text")));
            case "deleteCard" -> sink.change(new SourceChange(item, id, a.at(), actor, ChangeKind.CLOSED, "deleted",
                    null, "deleted"));
            default -> sink.note("action-" + type, "Trello actions of type " + type + " are not imported");
        }
    }

    private static String label(Map<String, Object> data, Map<String, String> labelNames) {
        String name = text(data, "label", "name");
        if (name == null || name.isEmpty()) {
            name = labelNames.get(text(data, "label", "id"));
        }
        return name == null || name.isEmpty() ? text(data, "text") : name;
    }

    private static String member(Object tree, Map<String, Object> data, Map<String, String> memberNames) {
        Map<String, Object> member = object(tree, "member");
        if (member != null && name(member) != null) {
            return name(member);
        }
        String name = text(data, "member", "name");
        if (name != null) {
            return name;
        }
        String id = text(data, "idMember");
        if (id == null) {
            id = text(data, "member", "id");
        }
        return memberNames.getOrDefault(id, id);
    }

    private static String actor(Object tree, Map<String, String> memberNames) {
        String name = name(object(tree, "memberCreator"));
        if (name != null) {
            return name;
        }
        String id = text(tree, "idMemberCreator");
        return memberNames.getOrDefault(id, id);
    }

    private static String name(Object member) {
        String full = text(member, "fullName");
        return full != null && !full.isBlank() ? full : text(member, "username");
    }

    /** Trello ids are MongoDB object ids: the first 8 hex digits are the creation time in seconds. */
    static Instant idTime(String id) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(id.substring(0, 8), 16));
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }
}
