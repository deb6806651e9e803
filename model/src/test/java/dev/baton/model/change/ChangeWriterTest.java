package dev.baton.model.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.change.ProposedChange.AddApprover;
import dev.baton.model.change.ProposedChange.AddRequiredField;
import dev.baton.model.change.ProposedChange.AddSla;
import dev.baton.model.change.ProposedChange.DeclareHandoff;
import dev.baton.model.compare.LineDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the owner of Northwind's model sees when a proposed change is written into the file: only
 * the lines of the change differ, the result reads back as the model with the change made, and a
 * change that names what the model lacks (or that the model has already) is refused in words.
 */
class ChangeWriterTest {

    static final String B2B = read("examples/b2b-saas.yaml");

    static String read(String file) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(file))) {
            dir = dir.getParent();
        }
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(file + " not found above the working directory", e);
        }
    }

    static List<String> added(WrittenChange w) {
        return LineDiff.of(w.before(), w.after()).stream().filter(l -> l.op() == LineDiff.Op.ADDED).map(LineDiff.Line::text).toList();
    }

    static List<String> removed(WrittenChange w) {
        return LineDiff.of(w.before(), w.after()).stream().filter(l -> l.op() == LineDiff.Op.REMOVED).map(LineDiff.Line::text).toList();
    }

    static Stage stage(OperatingModel model, String workType, String stage) {
        return model.workType(workType).orElseThrow().stage(stage).orElseThrow();
    }

    @Test
    void anSlaOnAStageWithoutOneIsOneNewLineUnderItsOwner() throws Exception {
        WrittenChange w = ChangeWriter.write("model.yaml", B2B, new AddSla("campaign", "build", "3d"));

        assertThat(added(w)).containsExactly("        sla: 3d");
        assertThat(removed(w)).isEmpty();
        assertThat(w.after()).contains("        owner: demand-team\n        sla: 3d\n        exit: [landing-page, utm-plan]");
        assertThat(w.valid()).isTrue();
        assertThat(stage(w.report().model(), "campaign", "build").sla().text()).isEqualTo("3d");
        assertThat(w.summary()).isEqualTo("Campaign › build: SLA 3d added");
        assertThat(w.diff(2)).hasSize(1);
    }

    @Test
    void anSlaOnAStageWithOneChangesThatLineOnly() throws Exception {
        WrittenChange w = ChangeWriter.write("model.yaml", B2B, new AddSla("campaign", "brief-review", "1d"));

        assertThat(removed(w)).containsExactly("        sla: 2d");
        assertThat(added(w)).containsExactly("        sla: 1d");
        assertThat(w.summary()).isEqualTo("Campaign › brief-review: SLA tightened from 2d to 1d");
        assertThat(w.valid()).isTrue();
    }

    @Test
    void theSameSlaAgainIsRefusedAsChangingNothing() {
        assertThatThrownBy(() -> ChangeWriter.write("model.yaml", B2B, new AddSla("campaign", "brief-review", "48h")))
                .isInstanceOf(ChangeRefused.class)
                .hasMessage("Campaign › brief-review has an SLA of 2d already; the change would change nothing");
    }

    @Test
    void anApproverJoinsAOneLineGateOnItsOwnLine() throws Exception {
        WrittenChange w = ChangeWriter.write("model.yaml", B2B, new AddApprover("campaign", "qa", "nora.haddad"));

        assertThat(removed(w)).containsExactly("        gate: { approvers: [jon.ito], mode: any }");
        assertThat(added(w)).containsExactly("        gate: { approvers: [jon.ito, nora.haddad], mode: any }");
        assertThat(stage(w.report().model(), "campaign", "qa").gate().approvers()).containsExactly("jon.ito", "nora.haddad");
        assertThat(w.summary()).isEqualTo("Campaign › qa: approvers + Nora Haddad");
    }

    @Test
    void anApproverOnAStageWithoutAGateAddsAGate() throws Exception {
        WrittenChange w = ChangeWriter.write("model.yaml", B2B, new AddApprover("campaign", "live", "leadership"));

        assertThat(removed(w)).isEmpty();
        assertThat(String.join("\n", added(w))).contains("gate").contains("leadership").contains("mode: any");
        assertThat(stage(w.report().model(), "campaign", "live").gate().approvers()).containsExactly("leadership");
        assertThat(w.valid()).isTrue();
    }

    @Test
    void aHandoffIsAppendedToTheHandoffsLikeItsSiblings() throws Exception {
        WrittenChange w = ChangeWriter.write("model.yaml", B2B, new DeclareHandoff("campaign", "demand-gen", "content",
                "brief-review -> build", List.of("segment", "channel-mix"), "1d"));

        assertThat(removed(w)).isEmpty();
        assertThat(added(w)).containsExactly("  - work-type: campaign", "    from: demand-gen", "    to: content",
                "    at: brief-review -> build", "    requires: [segment, channel-mix]", "    sla: 1d");
        assertThat(w.report().model().handoffsOf("campaign")).hasSize(2);
        assertThat(w.summary()).isEqualTo("Campaign: handoff from Demand generation to Content & creative declared at "
                + "brief-review → build with an SLA of 1d");
    }

    @Test
    void anExistingOptionalFieldBecomesRequiredInsideItsBraces() throws Exception {
        WrittenChange w = ChangeWriter.write("model.yaml", B2B, new AddRequiredField("campaign-brief", "budget", null, null));

        assertThat(removed(w)).hasSize(1).allMatch(l -> l.contains("id: budget"));
        assertThat(added(w)).hasSize(1).allMatch(l -> l.contains("id: budget") && l.contains("required: true"));
        assertThat(w.report().model().template("campaign-brief").orElseThrow().field("budget").orElseThrow().required()).isTrue();
        assertThat(w.summary()).isEqualTo("Template Campaign brief › budget: now required");
    }

    @Test
    void aNewRequiredFieldIsOneNewLineAfterTheTemplatesLastField() throws Exception {
        WrittenChange w = ChangeWriter.write("model.yaml", B2B, new AddRequiredField("campaign-brief", "webinar-link",
                "url", "Webinar link"));

        assertThat(removed(w)).isEmpty();
        assertThat(added(w)).containsExactly("      - { id: webinar-link, name: Webinar link, type: url, required: true }");
        assertThat(w.valid()).isTrue();
    }

    @Test
    void changesNamingWhatTheModelLacksAreRefusedWithWhatItHas() {
        assertThatThrownBy(() -> ChangeWriter.write("model.yaml", B2B, new AddSla("campaign", "launch", "1d")))
                .hasMessage("Campaign has no stage 'launch'; its stages are brief, brief-review, build, qa, live, results");
        assertThatThrownBy(() -> ChangeWriter.write("model.yaml", B2B, new AddSla("webinar", "brief", "1d")))
                .hasMessageStartingWith("The model has no work type 'webinar'; its work types are initiative, campaign");
        assertThatThrownBy(() -> ChangeWriter.write("model.yaml", B2B, new AddSla("campaign", "build", "soon")))
                .hasMessage("expected sla as a duration such as 30m, 36h, 2d or 1w, found 'soon'");
        assertThatThrownBy(() -> ChangeWriter.write("model.yaml", B2B, new AddApprover("campaign", "qa", "jon.ito")))
                .hasMessage("Jon Ito approves Campaign › qa already; the change would change nothing");
        assertThatThrownBy(() -> ChangeWriter.write("model.yaml", B2B, new DeclareHandoff("campaign", "demand-gen", "ops",
                "live -> results", List.of(), null))).hasMessageContaining("A handoff is declared at live -> results of Campaign already");
        assertThatThrownBy(() -> ChangeWriter.write("model.yaml", B2B, new DeclareHandoff("campaign", "nora.haddad", "ops",
                "brief -> brief-review", List.of(), null))).hasMessageStartingWith("expected from to be a function");
        assertThatThrownBy(() -> ChangeWriter.write("model.yaml", B2B, new DeclareHandoff("campaign", "demand-gen", "ops",
                "brief -> live", List.of(), null))).hasMessageStartingWith("Campaign has no stage change brief -> live");
        assertThatThrownBy(() -> ChangeWriter.write("model.yaml", B2B, new AddRequiredField("campaign-brief", "segment",
                null, null))).hasMessage("Template Campaign brief › segment is required already; the change would change nothing");
    }

    @Test
    void anUnknownApproverIsRefusedAndAFieldMadeRequiredComesWithItsValidation() throws Exception {
        assertThatThrownBy(() -> ChangeWriter.write("model.yaml", B2B, new AddApprover("campaign", "qa", "zed")))
                .hasMessageStartingWith("The model has no person, team or function 'zed'");
        WrittenChange w = ChangeWriter.write("model.yaml", B2B, new AddRequiredField("launch-brief", "pricing-impact", null, null));
        assertThat(w.report()).isNotNull();
        assertThat(w.valid()).isTrue();
    }

    @Test
    void membersReadBackIntoTheSameChangeAndEveryMistakeIsNamed() {
        ProposedChange handoff = new DeclareHandoff("campaign", "demand-gen", "content", "brief -> brief-review",
                List.of("segment"), "2d");
        assertThat(ProposedChange.read(handoff.members()).change()).isEqualTo(handoff);
        assertThat(ProposedChange.read(Map.of("kind", "add-sla", "workType", "campaign", "stage", "qa", "sla", "1d")).change())
                .isEqualTo(new AddSla("campaign", "qa", "1d"));
        assertThat(ProposedChange.read(Map.of("kind", "declare-handoff", "workType", "campaign", "from", "a", "to", "b",
                "at", "x -> y", "requires", "segment, channel-mix")).change())
                .isEqualTo(new DeclareHandoff("campaign", "a", "b", "x -> y", List.of("segment", "channel-mix"), null));

        ProposedChange.Read read = ProposedChange.read(Map.of("kind", "add-sla", "stage", 3));
        assertThat(read.ok()).isFalse();
        assertThat(read.mistakes()).extracting(ProposedChange.Mistake::member).containsExactly("workType", "stage", "sla");
        assertThat(ProposedChange.read(Map.of("kind", "rename-stage")).mistakes().get(0).message())
                .isEqualTo("expected kind to be one of add-sla, declare-handoff, add-approver, add-required-field, found 'rename-stage'");
        assertThat(ProposedChange.read(Map.of()).mistakes().get(0).message()).isEqualTo("expected kind (text), found nothing");
    }
}
