package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tool switching from a mixed import: small Jira, GitLab and Trello exports of one web team
 * (src/test/resources/tool-switching) imported into one log and analysed. Maya works in all three
 * on 2 March; Sam appears in Jira by name and by e-mail address and in GitLab only as 'slee';
 * Julia Wester is nobody of the model and two people are called Alex Kim. The Trello card names
 * the Jira issue it duplicates ("MKT-1 Spring webinar landing page").
 */
class ToolSwitchingImportTest {

    static final Path FIXTURES = CliRun.ROOT.resolve("app/src/test/resources/tool-switching");

    @TempDir
    Path tmp;

    Path mixedLog() {
        Path log = tmp.resolve("team.jsonl");
        for (String[] tool : List.of(new String[] {"jira-json", "jira"}, new String[] {"gitlab-events", "gitlab"},
                new String[] {"trello-json", "trello"})) {
            CliRun imported = CliRun.of("import", tool[0], FIXTURES.resolve(tool[1] + ".json").toString(), "--mapping",
                    FIXTURES.resolve(tool[1] + "-mapping.yaml").toString(), "--model", FIXTURES.resolve("model.yaml").toString(),
                    "--out", log.toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
        }
        return log;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toolSwitching(Path log, String... extra) {
        return toolSwitching(FIXTURES.resolve("model.yaml"), log, extra);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toolSwitching(Path model, Path log, String... extra) {
        List<String> args = new ArrayList<>(List.of("analyze", "--model", model.toString(),
                "--log", log.toString(), "--format", "json"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return (Map<String, Object>) run.jsonObject().get("toolSwitching");
    }

    static List<String> rows(Map<String, Object> json, String key, String... fields) {
        return CliRun.objects(json, key).stream().map(o -> {
            List<String> values = new ArrayList<>();
            for (String f : fields) {
                values.add(String.valueOf(o.get(f)));
            }
            return String.join(" ", values);
        }).toList();
    }

    @Test
    void identitiesAreMatchedAcrossToolsAndTheRestListed() throws Exception {
        Map<String, Object> t = toolSwitching(mixedLog(), "--people", FIXTURES.resolve("people.yaml").toString());
        assertThat(rows(t, "identities", "source", "user", "events", "person", "how")).containsExactly(
                "gitlab Maya Chen 3 maya name",
                "gitlab slee 1 sam override",
                "jira Maya Chen 3 maya name",
                "jira Alex Kim 2 null ambiguous",
                "jira Julia Wester 1 null unmatched",
                "jira Sam Lee 1 sam name",
                "jira Sam@Acme.example 1 sam email",
                "trello Maya Chen 2 maya name");
        assertThat(rows(t, "unmatched", "source", "user", "events", "candidates")).containsExactly(
                "jira Alex Kim 2 [alex.kim, alex.kimura]",
                "jira Julia Wester 1 []");
        assertThat(t).containsEntry("actions", 14).containsEntry("matchedActions", 11).containsEntry("coverage", 0.785714)
                .containsEntry("measured", true);
        assertThat(rows(t, "sources", "source", "events", "matchedEvents", "users")).containsExactly(
                "gitlab 4 4 2", "jira 8 5 5", "trello 2 2 1");
    }

    @Test
    void switchesPerPersonDayAndTheIntegrationsThatWouldRemoveThem() throws Exception {
        Map<String, Object> t = toolSwitching(mixedLog(), "--people", FIXTURES.resolve("people.yaml").toString());
        assertThat(t).containsEntry("personDays", 3).containsEntry("multiToolPersonDays", 3).containsEntry("switches", 4);
        // Maya: MKT-1 created and started in Jira, the card in Trello, issue 7 in GitLab; Sam: Jira, then GitLab as 'slee'.
        assertThat(rows(t, "busiestPersonDays", "person", "day", "switches", "sequence", "positions")).containsExactly(
                "maya 2026-03-02 2 jira ×2 → trello → gitlab ×3 [2, 15, 10]",
                "sam 2026-03-02 1 jira ×2 → gitlab [5, 13]",
                "maya 2026-03-03 1 jira → trello [3, 16]");
        assertThat(rows(t, "integrations", "between", "switches", "personDays", "people")).containsExactly(
                "[jira, trello] 2 2 [maya]",
                "[gitlab, jira] 1 1 [sam]",
                "[gitlab, trello] 1 1 [maya]");
        assertThat(rows(t, "stages", "stage", "events", "bySource")).containsExactly(
                "doing 5 {gitlab=2, jira=2, trello=1}",
                "done 2 {jira=2}",
                "review 4 {jira=2, gitlab=1, trello=1}",
                "todo 2 {jira=2}");
        assertThat((String) t.get("summary")).isEqualTo("4 switches between 3 systems on 3 of 3 person-days "
                + "(1.3 a person-day); 2 stages tracked in two systems. Counted on 79% of actions, those matched to a person.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameStageTrackedInJiraAndTrelloIsShownWithItsEvidence() throws Exception {
        Map<String, Object> t = toolSwitching(mixedLog());
        Map<String, Object> duplicates = (Map<String, Object>) t.get("duplicatedTracking");
        assertThat(duplicates).containsEntry("total", 2);
        assertThat(rows(duplicates, "shown", "stage", "link", "first", "second", "positions")).containsExactly(
                "doing 'c1' names 'MKT-1' {item=MKT-1, source=jira, at=2026-03-02T09:30:00Z} "
                        + "{item=c1, source=trello, at=2026-03-02T09:45:00Z} [2, 15]",
                "review 'c1' names 'MKT-1' {item=MKT-1, source=jira, at=2026-03-03T10:00:00Z} "
                        + "{item=c1, source=trello, at=2026-03-03T10:05:00Z} [3, 16]");
        // Without the override GitLab's 'slee' is nobody: listed, and Sam's day has no switch.
        assertThat(rows(t, "unmatched", "source", "user", "events")).contains("gitlab slee 1");
        assertThat(t).containsEntry("switches", 3);
    }

    @Test
    void theTextReportSaysItAndAnOverrideToTwoPeopleIsRefused() throws Exception {
        Path log = mixedLog();
        CliRun text = CliRun.of("analyze", "--model", FIXTURES.resolve("model.yaml").toString(), "--log", log.toString(),
                "--people", FIXTURES.resolve("people.yaml").toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Tool switching (not in the score)",
                "    jira ↔ trello: 2 switches on 2 person-days (maya)",
                "    maya 2026-03-02: 2 switches, jira ×2 → trello → gitlab ×3",
                "    'doing' in jira (MKT-1, 2026-03-02) and trello (c1, 2026-03-02): 'c1' names 'MKT-1'",
                "    jira 'Alex Kim' ×2: could be alex.kim or alex.kimura");

        Path other = tmp.resolve("other.yaml");
        Files.writeString(other, "people:\n  slee: maya\n");
        CliRun refused = CliRun.of("analyze", "--model", FIXTURES.resolve("model.yaml").toString(), "--log", log.toString(),
                "--people", FIXTURES.resolve("people.yaml").toString(), "--people", other.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains(other + ": error: 'slee' is mapped to maya here and to sam in ");
    }

    /**
     * The shared real exports (Jira Cloud 2015–16, GitLab 2018, Trello 2017/2021) in one log, each
     * user mapped by the golden mappings: three systems, but nobody acts in two of them, so there
     * is nothing to switch between and no stage is tracked twice.
     */
    @Test
    void theSharedToolExportsTogether() throws Exception {
        Path shared = CliRun.ROOT.resolve("../shared/datasets/tool-exports").normalize();
        assumeTrue(Files.isDirectory(shared), "shared dataset absent: " + shared);
        Path golden = CliRun.ROOT.resolve("app/src/test/resources/golden");
        Path log = tmp.resolve("shared.jsonl");
        for (String[] tool : List.of(new String[] {"jira-json", "jira-cloud-search-with-changelog_actionableagile.json",
                        "jira-ut-mapping.yaml"}, new String[] {"gitlab-events", "gitlab-resource-label-events_gitlab4j.json",
                        "gitlab-mapping.yaml"}, new String[] {"trello-json", "trello-board-export_nextcloud-deck.json",
                        "trello-mapping.yaml"})) {
            CliRun imported = CliRun.of("import", tool[0], shared.resolve(tool[1]).toString(), "--mapping",
                    golden.resolve(tool[2]).toString(), "--out", log.toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
        }
        Map<String, Object> t = toolSwitching(FIXTURES.resolve("shared-exports-model.yaml"), log);
        assertThat(rows(t, "identities", "source", "user", "events", "person", "how")).containsExactly(
                "gitlab root 8 root person-id", "jira daniel 106 daniel person-id", "trello john 3 john person-id");
        assertThat(t).containsEntry("actions", 117).containsEntry("matchedActions", 117).containsEntry("personDays", 9)
                .containsEntry("multiToolPersonDays", 0).containsEntry("switches", 0);
        assertThat(CliRun.objects(t, "unmatched")).isEmpty();
        assertThat(CliRun.objects(t, "integrations")).isEmpty();
        assertThat(rows(t, "stages", "stage", "bySource")).contains("todo {trello=3, gitlab=2}", "backlog {jira=31}");
        assertThat(((Map<?, ?>) t.get("duplicatedTracking")).get("total")).isEqualTo(0);
    }
}
