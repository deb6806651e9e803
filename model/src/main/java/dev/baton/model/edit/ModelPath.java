package dev.baton.model.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * A place in a model file, written as the validator writes paths ({@code work-types[0].stages[2].sla})
 * or with ids instead of positions ({@code work-types[launch].stages[review].sla}): an editor knows
 * which stage it changes, not where it stands after earlier edits. A selector of digits only is a
 * position (from 0); anything else is the {@code id} of a list item, or the text of a plain list item
 * ({@code transitions[edit -> draft]}). The empty path is the whole model.
 */
public record ModelPath(String text, List<Segment> segments) {

    /** One step of a path: a key of a mapping or an item of a list. */
    public sealed interface Segment permits Key, Item {
    }

    public record Key(String name) implements Segment {
    }

    /** An item by position ({@code index} ≥ 0) or by id ({@code id} not null). */
    public record Item(int index, String id) implements Segment {
    }

    public ModelPath {
        segments = List.copyOf(segments);
    }

    /** The path of a text; a path that cannot be read is refused with what was expected. */
    public static ModelPath parse(String text) throws EditRefused {
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new EditRefused(text, "expected a ']' closing the '[' at character " + (i + 1));
                }
                String selector = text.substring(i + 1, close).strip();
                if (selector.isEmpty()) {
                    throw new EditRefused(text, "expected a position or an id between '[' and ']', found nothing");
                }
                segments.add(selector.chars().allMatch(Character::isDigit)
                        ? new Item(Integer.parseInt(selector), null) : new Item(-1, selector));
                i = close + 1;
                if (i < text.length() && text.charAt(i) == '.') {
                    i++;
                }
            } else {
                int endKey = i;
                while (endKey < text.length() && text.charAt(endKey) != '.' && text.charAt(endKey) != '[') {
                    endKey++;
                }
                if (endKey == i) {
                    throw new EditRefused(text, "expected a key name at character " + (i + 1) + ", found '" + c + "'");
                }
                segments.add(new Key(text.substring(i, endKey)));
                i = endKey < text.length() && text.charAt(endKey) == '.' ? endKey + 1 : endKey;
                if (endKey < text.length() && text.charAt(endKey) == '.' && i == text.length()) {
                    throw new EditRefused(text, "expected a key name after the last '.', found nothing");
                }
            }
        }
        return new ModelPath(text, segments);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    public Segment last() {
        return segments.get(segments.size() - 1);
    }

    /** The path without its last step. */
    public ModelPath parent() {
        return of(isRoot() ? segments : segments.subList(0, segments.size() - 1));
    }

    /** The path of these steps, written out. */
    public static ModelPath of(List<Segment> segments) {
        return new ModelPath(format(segments), segments);
    }

    /** This path and one more step. */
    public ModelPath then(Segment segment) {
        List<Segment> longer = new ArrayList<>(segments);
        longer.add(segment);
        return of(longer);
    }

    private static String format(List<Segment> segments) {
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments) {
            if (segment instanceof Key key) {
                text.append(text.isEmpty() ? "" : ".").append(key.name());
            } else if (segment instanceof Item item) {
                text.append('[').append(item.id() != null ? item.id() : String.valueOf(item.index())).append(']');
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
