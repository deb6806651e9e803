package dev.baton.app.cli;

import dev.baton.exchange.mapping.ImportMapping;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code baton analyze --people MAP.yaml}: the {@code people} sections of import mappings, read as
 * {@code baton import} reads them and checked against the model, saying who a tool's user is for
 * tool switching when their name or address does not say it. One user mapped to two different
 * people by two files is an error: which one is meant would be a guess.
 */
final class PeopleOverrides {

    private PeopleOverrides() {
    }

    /** Tool user → person id, or null after printing what is wrong. */
    static Map<String, String> read(List<Path> files, Path model, PrintWriter err) {
        Map<String, String> people = new LinkedHashMap<>();
        Map<String, Path> from = new LinkedHashMap<>();
        boolean ok = true;
        for (Path file : files) {
            MappingAndModel read = MappingAndModel.read(file, model, err);
            if (read == null) {
                ok = false;
                continue;
            }
            for (Map.Entry<String, ImportMapping.PersonRef> e : read.mapping().people().entrySet()) {
                String earlier = people.putIfAbsent(e.getKey(), e.getValue().person());
                if (earlier != null && !earlier.equals(e.getValue().person())) {
                    err.println(file + ": error: '" + e.getKey() + "' is mapped to " + e.getValue().person() + " here and to "
                            + earlier + " in " + from.get(e.getKey()));
                    ok = false;
                }
                from.putIfAbsent(e.getKey(), file);
            }
        }
        return ok ? people : null;
    }
}
