package dev.baton.app.imports;

import dev.baton.engine.version.ModelVersion;
import dev.baton.exchange.mapping.MappingSuggestion;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Stage;
import dev.baton.model.WorkType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A starter mapping ({@link MappingSuggestion}) brought onto the server's model: headed by the
 * model's work types, stages and people, and with the model's own id wherever a tool value names
 * one of its stages, people, work types or template fields by id or by name (a status "QA" → the
 * stage {@code qa}, a user "Maya Chen" → {@code maya.chen}). The other values keep an id made from
 * their name and are marked for the user to replace.
 */
final class SuggestedMapping {

    /** A {@code "tool value": id   # count} line of the suggestion. */
    private static final Pattern PAIR = Pattern.compile("^(\\s+)(\"(?:[^\"\\\\]|\\\\.)*\"): (\\S+)(\\s+#.*)?$");
    /** A section's header, e.g. {@code stages:} or {@code   by-type:}, possibly with a comment. */
    private static final Pattern HEADER = Pattern.compile("^\\s*([a-z-]+):(\\s+#.*)?$");

    private SuggestedMapping() {
    }

    static String onto(String suggestion, ModelVersion version) {
        if (version == null) {
            return suggestion;
        }
        OperatingModel model = version.model();
        Map<String, Map<String, String>> known = new LinkedHashMap<>();
        known.put("stages", ids(model.workTypes().stream().flatMap(w -> w.stages().stream())
                .map(s -> new String[] {s.id(), s.name()}).toList()));
        known.put("people", ids(model.people().stream().map(p -> new String[] {p.id(), p.name()}).toList()));
        Map<String, String> workTypes = ids(model.workTypes().stream().map(w -> new String[] {w.id(), w.name()}).toList());
        known.put("by-type", workTypes);
        known.put("by-project", workTypes);
        known.put("by-label", workTypes);
        known.put("map", ids(model.templates().stream().flatMap(t -> t.fields().stream())
                .map(f -> new String[] {f.id(), f.name()}).toList()));

        StringBuilder out = new StringBuilder();
        out.append("# The ids of operating model version ").append(version.number()).append(" (").append(model.name())
                .append(") to map onto:\n");
        for (WorkType w : model.workTypes()) {
            out.append("#   work type ").append(w.id()).append(": stages ").append(w.stages().stream()
                    .map(Stage::id).filter(Objects::nonNull).collect(Collectors.joining(", "))).append('\n');
        }
        out.append("#   people: ").append(model.people().stream().map(Person::id).filter(Objects::nonNull)
                .collect(Collectors.joining(", "))).append('\n');
        out.append("# Values that name one of them by id or name are mapped to it already; replace the ones marked.\n");
        Map<String, String> section = null;
        for (String line : suggestion.split("\n", -1)) {
            Matcher header = HEADER.matcher(line);
            Matcher pair = PAIR.matcher(line);
            if (pair.matches() && section != null) {
                String tool = pair.group(2).substring(1, pair.group(2).length() - 1).replace("\\\"", "\"")
                        .replace("\\\\", "\\");
                String id = section.get(MappingSuggestion.slug(tool));
                String comment = pair.group(4) == null ? "" : pair.group(4);
                line = pair.group(1) + pair.group(2) + ": " + (id != null ? id : pair.group(3))
                        + (id != null ? comment : comment.isEmpty() ? "   # not in the model: replace"
                        : comment + ", not in the model: replace");
            } else if (header.matches()) {
                section = known.get(header.group(1));
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /** The model's ids by the slug of their id and of their name. */
    private static Map<String, String> ids(List<String[]> idsAndNames) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String[] idAndName : idsAndNames) {
            if (idAndName[0] == null) {
                continue;
            }
            bySlug.putIfAbsent(MappingSuggestion.slug(idAndName[0]), idAndName[0]);
            if (idAndName[1] != null) {
                bySlug.putIfAbsent(MappingSuggestion.slug(idAndName[1]), idAndName[0]);
            }
        }
        return bySlug;
    }
}
