package dev.baton.exchange.trello;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JsonToken;

/**
 * A Trello board's "Export as JSON": the board with its {@code cards}, {@code lists} and
 * {@code actions}. Trello lists actions newest first and a board export holds at most a few
 * thousand, so the board is read whole and its actions replayed oldest first, card by card.
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

    private record Action(Object tree, Instant at, int order) {
    }

    @Override
    public void read(InputStream in, SourceSink sink) {
        Object board;
        try (JsonSource json = new JsonSource(in, expectedShape())) {
            JsonToken first = json.next();
            if (first != JsonToken.START_OBJECT) {
                throw json.wrongShape(first == null ? "an empty file" : "JSON starting with " + first);
            }
            board = json.tree(Set.of("prefs", "limits", "labelNames"));
            if (json.next() != null) {
                throw json.wrongShape("more JSON after the board");
            }
        }
        if (!(board instanceof Map<?, ?> b) || !b.containsKey("actions") || !b.containsKey("cards")) {
            throw new SourceFormatException("line 1, column 1", "expected " + expectedShape() + ", found "
                    + (board instanceof Map<?, ?> m ? "an object with the keys " + new java.util.TreeSet<>(m.keySet()) : "something else"));
        }
        String boardName = text(board, "name");
        Map<String, String> listNames = new HashMap<>();
        for (Object l : list(board, "lists")) {
            listNames.put(text(l, "id"), text(l, "name"));
        }
        Map<String, String> memberNames = new HashMap<>();
        for (Object m : list(board, "members")) {
            memberNames.put(text(m, "id"), name(m));
        }
        Map<String, String> labelNames = new HashMap<>();
        for (Object l : list(board, "labels")) {
            labelNames.put(text(l, "id"), text(l, "name"));
        }
        // Cards by id, in board order; each with its actions.
        Map<String, Object> cards = new LinkedHashMap<>();
        for (Object c : list(board, "cards")) {
            cards.put(text(c, "id"), c);
        }
        Map<String, List<Action>> actionsByCard = new TreeMap<>();
        int order = 0;
        int skipped = 0;
        for (Object a : list(board, "actions")) {
            String cardId = text(object(a, "data"), "card", "id");
            Instant at = Times.parse(text(a, "date")).orElse(null);
            if (cardId == null || at == null) {
                skipped++;
                continue;
            }
            actionsByCard.computeIfAbsent(cardId, k -> new ArrayList<>()).add(new Action(a, at, order--));
        }
        if (skipped > 0) {
            sink.note("board-actions", skipped + " actions are about the board or its lists, not a card (not imported)");
        }
        Set<String> allCards = new java.util.LinkedHashSet<>(cards.keySet());
        allCards.addAll(actionsByCard.keySet());
        for (String cardId : allCards) {
            Object card = cards.get(cardId);
            List<Action> actions = actionsByCard.getOrDefault(cardId, List.of());
            // Newest first in the file: equal times keep the file's reverse order.
            actions.sort(Comparator.comparing(Action::at).thenComparingInt(Action::order));
            card(cardId, card, actions, boardName, listNames, memberNames, labelNames, sink);
        }
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
