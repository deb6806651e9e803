package dev.baton.model.show;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Node ids and labels that Mermaid accepts whatever the model's ids contain. Stage ids such as
 * {@code enable-sales}, {@code v1.2} or {@code end} break a flowchart when used as node ids
 * ("-" starts an edge, "end" closes a subgraph), so every node gets an id of letters, digits and
 * "_" with a prefix no keyword has: {@code st_} and the work type and stage for a stage,
 * {@code start_} and {@code done_} and the work type for a flow's ends, {@code wt_} for a
 * subgraph. Ids that would collide after that get a number. One instance per document, so that ids
 * are unique across its work types and the same stage always gets the same id.
 */
final class MermaidIds {

    private final Set<String> used = new HashSet<>();

    /** The ids of one work type's nodes. */
    Scope workType(String workTypeId) {
        return new Scope(safe(workTypeId));
    }

    private String unique(String base) {
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    /** The node ids of one work type's subgraph; stage ids are looked up by the model's stage id. */
    final class Scope {
        private final String workType;
        private final String subgraph;
        private final String start;
        private final String done;
        private final Map<String, String> stages = new HashMap<>();

        private Scope(String workType) {
            this.workType = workType;
            this.subgraph = unique("wt_" + workType);
            this.start = unique("start_" + workType);
            this.done = unique("done_" + workType);
        }

        String subgraph() {
            return subgraph;
        }

        String start() {
            return start;
        }

        String done() {
            return done;
        }

        /** The node id of a stage: {@code st_}, the work type, "__" and the stage id, with anything else than [A-Za-z0-9] as "_". */
        String stage(String stageId) {
            return stages.computeIfAbsent(stageId, s -> unique("st_" + workType + "__" + safe(s)));
        }
    }

    /** Letters and digits kept, every other character (including non-ASCII) replaced by "_". */
    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "_";
        }
        StringBuilder safe = new StringBuilder();
        for (char c : text.toCharArray()) {
            safe.append(c < 128 && Character.isLetterOrDigit(c) ? c : '_');
        }
        return safe.toString();
    }

    /**
     * Text as a quoted Mermaid label. Characters that end the quote or that Mermaid reads as
     * markup are written as its entity codes ({@code "} as {@code #quot;}); line breaks become
     * spaces.
     */
    static String label(String text) {
        return "\"" + escape(text) + "\"";
    }

    /** Several lines as one quoted label, each escaped, joined by Mermaid's line break. */
    static String label(List<String> lines) {
        return "\"" + lines.stream().map(MermaidIds::escape).collect(Collectors.joining(LINE_BREAK)) + "\"";
    }

    private static final String LINE_BREAK = "<br/>";

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : Lenient.dash(text).toCharArray()) {
            switch (c) {
                case '"' -> out.append("#quot;");
                case '#' -> out.append("#35;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '&' -> out.append("#amp;");
                case '|' -> out.append("#124;");
                case '`' -> out.append("#96;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
