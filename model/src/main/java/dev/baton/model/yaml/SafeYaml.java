package dev.baton.model.yaml;

import dev.baton.model.problem.Position;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses YAML into a node tree with positions, and nothing more: no tags are turned into
 * objects, so a hostile file cannot instantiate classes. Aliases, nesting and size are capped so
 * that a crafted file fails fast instead of hanging or exhausting memory.
 */
public final class SafeYaml {

    /** The largest model file read, in characters. Real models are a few hundred kB at most. */
    public static final int MAX_CHARS = 4 * 1024 * 1024;
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 40;

    private SafeYaml() {
    }

    /** A parse failure with where it happened. */
    public static final class SyntaxError extends Exception {
        private final Position position;

        SyntaxError(String message, Position position) {
            super(message);
            this.position = position;
        }

        public Position position() {
            return position;
        }
    }

    /** The single document of the text, or null for an empty file. */
    public static Node compose(String text) throws SyntaxError {
        return guarded(text, yaml -> {
            Iterator<Node> documents = yaml.composeAll(new StringReader(text)).iterator();
            if (!documents.hasNext()) {
                return null;
            }
            Node first = documents.next();
            if (documents.hasNext()) {
                Node second = documents.next();
                throw secondDocument(second == null ? null : second.getStartMark());
            }
            return first;
        });
    }

    /**
     * The parser's events of the text, with the same limits as {@link #compose}: what the model
     * editor needs, because unlike composed nodes an alias event keeps its own place in the file
     * (and aliases are never expanded).
     */
    public static List<Event> events(String text) throws SyntaxError {
        return guarded(text, yaml -> {
            List<Event> events = new ArrayList<>();
            int documents = 0;
            for (Event event : yaml.parse(new StringReader(text))) {
                if (event.is(Event.ID.DocumentStart) && ++documents == 2) {
                    throw secondDocument(event.getStartMark());
                }
                events.add(event);
            }
            return events;
        });
    }

    private static SyntaxError secondDocument(Mark mark) {
        return new SyntaxError("expected one YAML document, found a second one", position(mark));
    }

    private interface Parse<T> {
        T run(Yaml yaml) throws SyntaxError;
    }

    private static <T> T guarded(String text, Parse<T> parse) throws SyntaxError {
        if (text.length() > MAX_CHARS) {
            throw new SyntaxError("expected a model file of at most " + MAX_CHARS / (1024 * 1024)
                    + " MB, found " + text.length() + " characters", new Position(1, 1));
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARS);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        try {
            return parse.run(new Yaml(options));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new SyntaxError("invalid YAML: " + context + oneLine(problem), position(mark));
        } catch (YAMLException e) {
            // Limits (aliases, nesting, size) surface as unmarked exceptions.
            throw new SyntaxError("invalid YAML: " + oneLine(e.getMessage()), new Position(1, 1));
        }
    }

    static Position position(Mark mark) {
        return mark == null ? new Position(1, 1) : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String first = message.strip().lines().findFirst().orElse(message);
        return first.replaceAll("\\s+", " ");
    }
}
