package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton funnel --model}: the operating model's {@code funnel:} section names the stages. */
class FunnelModelStagesTest {

    @TempDir
    Path tmp;

    private Path model(String funnel) throws Exception {
        Path file = tmp.resolve("model.yaml");
        Files.writeString(file, Files.readString(CliRun.ROOT.resolve("examples/b2b-saas.yaml")) + "\n" + funnel);
        return file;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theModelsStagesAndValuesMakeTheFunnel() throws Exception {
        Path model = model("""
                funnel:
                  stages:
                    - { id: lead, name: Lead }
                    - { id: mql, name: Marketing qualified }
                    - { id: sal, name: Sales accepted, statuses: [Working - Contacted], date-columns: [SQL Date] }
                    - { id: opportunity, name: Opportunity }
                    - { id: won, name: Customer }
                  handoff: { from: mql, to: sal }
                """);
        CliRun run = CliRun.of("funnel", "--model", model.toString(), "--crm", CliRun.example("outcomes/salesforce"),
                "--touchpoints", CliRun.example("outcomes/touchpoints.csv"), "--by", "none", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> report = run.jsonObject();
        assertThat((List<String>) report.get("stages")).containsExactly("lead", "mql", "sal", "opportunity", "won");
        Map<String, Object> total = (Map<String, Object>) report.get("total");
        // The same data as the default funnel (docs/outcomes.md, the example by hand): 6, 5, 3, 3, 1.
        assertThat(CliRun.objects(total, "stages")).extracting(s -> ((Number) s.get("count")).intValue())
                .containsExactly(6, 5, 3, 3, 1);
        Map<String, Object> handoff = (Map<String, Object>) total.get("handoff");
        assertThat(handoff.get("to")).isEqualTo("sal");
        assertThat(((Number) handoff.get("accepted")).intValue()).isEqualTo(3);
    }

    @Test
    void aBadFunnelSectionIsRefusedAtItsLineAndColumn() throws Exception {
        Path model = model("""
                funnel:
                  stages:
                    - { id: lead }
                    - { id: won }
                  handoff: { from: lead, to: qualified }
                """);
        CliRun run = CliRun.of("funnel", "--model", model.toString(), "--crm", CliRun.example("outcomes/salesforce"));
        assertThat(run.exitCode()).isEqualTo(1);
        int line = (int) Files.readString(CliRun.ROOT.resolve("examples/b2b-saas.yaml")).lines().count() + 6;
        assertThat(run.err()).contains("model.yaml:" + line + ":").contains("found 'qualified'")
                .contains("as there is no 'opportunity' stage");
        assertThat(run.out()).isEmpty();
    }
}
