package dev.baton.exchange.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.exchange.Samples;
import dev.baton.exchange.importing.LogImport;
import dev.baton.exchange.importing.Progress;
import dev.baton.exchange.jira.JiraJsonReader;
import org.junit.jupiter.api.Test;

class MappingSuggestionTest {

    @Test
    void theSuggestionListsTheStatusesTheExportMarksDoneAndReadsBackAsAValidMapping() throws Exception {
        MappingSuggestion suggestion = new MappingSuggestion();
        LogImport.readSource(new JiraJsonReader(), Samples.fixture("jira-cloud-search-jql.json"), suggestion, Progress.NONE);
        String yaml = suggestion.yaml("jira-cloud-search-jql.json", "jira-json");

        assertThat(yaml).contains("completion:\n  on: both", "  done-statuses: [\"Done\"]   # statuses that are done "
                + "(marked done in this file; add the others)");
        MappingReader.Result read = MappingReader.read(yaml);
        assertThat(read.problems()).isEmpty();
        assertThat(read.mapping().completion()).isEqualTo(new Completion(Completion.On.BOTH, java.util.List.of("Done")));
    }
}
