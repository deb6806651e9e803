package dev.baton.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The system an event comes from, as the report's --source filter and tool switching read it. */
class SourceSystemTest {

    @Test
    void theEngineSaysBatonAndAnImportNamesItsTool() {
        assertThat(SourceSystem.ofId(null)).isEqualTo("baton");
        assertThat(SourceSystem.ofId("")).isEqualTo("baton");
        assertThat(SourceSystem.ofId("baton:item-7:3")).isEqualTo("baton");
        assertThat(SourceSystem.ofId("jira:10001:changelog:5001:0")).isEqualTo("jira");
        assertThat(SourceSystem.ofId("gitlab:label:142")).isEqualTo("gitlab");
        assertThat(SourceSystem.ofId("github:acme/site#5:77")).isEqualTo("github");
        assertThat(SourceSystem.ofId("trello:5a1b:created")).isEqualTo("trello");
        assertThat(SourceSystem.ofId("calendar:evt-1")).isEqualTo("calendar");
    }

    @Test
    void aFilesOwnIdNamesNoTool() {
        assertThat(SourceSystem.ofId("E-17")).isEqualTo("import");
        assertThat(SourceSystem.ofId("E-17:2")).isEqualTo("import");
        assertThat(SourceSystem.ofId("ABC:1")).isEqualTo("import");
        assertThat(SourceSystem.ofId(":x")).isEqualTo("import");
    }
}
