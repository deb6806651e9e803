package dev.baton.exchange.importing;

import dev.baton.exchange.asana.AsanaJsonReader;
import dev.baton.exchange.github.GitHubEventsReader;
import dev.baton.exchange.gitlab.GitLabEventsReader;
import dev.baton.exchange.jira.JiraCsvReader;
import dev.baton.exchange.jira.JiraJsonReader;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.source.SourceReader;
import dev.baton.exchange.ocel.OcelReader;
import dev.baton.exchange.table.CsvEventReader;
import dev.baton.exchange.trello.TrelloJsonReader;
import dev.baton.exchange.xes.XesReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The import kinds and their readers; the {@code csv} kind reads its columns from the mapping. */
public final class SourceKinds {

    private static final Map<String, Function<ImportMapping, SourceReader>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put(JiraJsonReader.KIND, m -> new JiraJsonReader());
        KINDS.put(JiraCsvReader.KIND, m -> new JiraCsvReader());
        KINDS.put(AsanaJsonReader.KIND, m -> new AsanaJsonReader());
        KINDS.put(TrelloJsonReader.KIND, m -> new TrelloJsonReader());
        KINDS.put(GitLabEventsReader.KIND, m -> new GitLabEventsReader());
        KINDS.put(GitHubEventsReader.KIND, m -> new GitHubEventsReader());
        KINDS.put(CsvEventReader.KIND, m -> new CsvEventReader(m.columns()));
        KINDS.put(XesReader.KIND, m -> new XesReader());
        KINDS.put(OcelReader.KIND, m -> new OcelReader(m.columns() == null ? null : m.columns().type()));
    }

    private SourceKinds() {
    }

    public static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    /** The reader of a kind, or empty for an unknown kind. */
    public static Optional<SourceReader> reader(String kind, ImportMapping mapping) {
        Function<ImportMapping, SourceReader> factory = KINDS.get(kind);
        return factory == null ? Optional.empty() : Optional.of(factory.apply(mapping));
    }
}
