package dev.baton.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.exchange.mapping.MappingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** A starter mapping brought onto the B2B SaaS example: the model's ids where a tool value names them. */
class SuggestedMappingTest {

    static final Path ROOT = dev.baton.app.ProjectRoot.PATH;

    static final String SUGGESTION = """
            # Starter mapping for export.json (jira-json), written by baton import --suggest-mapping.
            source: jira-json
            stages:   # tool status or list → stage id
              "Brief Review": brief-review   # 3
              "QA": qa   # 4
              "In \\"Review\\"": in-review   # 4
            people:   # tool user → person id (or {person: id, function: id})
              "Maya Chen": maya-chen   # 12
              "Sam Lee": sam-lee   # 6
            work-types:
              # default: campaign
              by-type:   # issue type → work type id
                "Campaign": campaign   # 1
                "Product Launch": product-launch   # 1
              by-project: {}   # project or board → work type id: none in this file
            fields:
              map:   # tool field → template field id
                "Budget": budget   # 1
              ignore: []
            """;

    @Test
    void toolValuesThatNameTheModelsIdsOrNamesGetThoseIdsAndTheOthersAreMarked() throws Exception {
        ModelVersions versions = ModelVersions.inMemory(Clock.systemUTC());
        ModelVersion model = versions.upload("b2b-saas.yaml", Files.readString(ROOT.resolve("examples/b2b-saas.yaml")),
                "test").version();

        String yaml = SuggestedMapping.onto(SUGGESTION, model);

        assertThat(yaml).startsWith("# The ids of operating model version 1 (Northwind Analytics GTM) to map onto:\n")
                .contains("#   work type campaign: stages brief, brief-review, build, qa, live, results")
                .contains("  \"Brief Review\": brief-review   # 3\n")
                .contains("  \"QA\": qa   # 4\n")
                .contains("  \"In \\\"Review\\\"\": in-review   # 4, not in the model: replace\n")
                .contains("  \"Maya Chen\": maya.chen   # 12\n")
                .contains("  \"Sam Lee\": sam-lee   # 6, not in the model: replace\n")
                .contains("    \"Campaign\": campaign   # 1\n")
                .contains("    \"Product Launch\": product-launch   # 1\n")
                .contains("    \"Budget\": budget   # 1\n")
                .endsWith("  ignore: []\n");
        // Still a mapping the reader accepts.
        assertThat(MappingReader.read(yaml).problems()).isEmpty();
    }

    @Test
    void withoutAModelTheSuggestionIsLeftAsItIs() {
        assertThat(SuggestedMapping.onto(SUGGESTION, null)).isEqualTo(SUGGESTION);
    }
}
