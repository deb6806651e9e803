package dev.baton.engine.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.Actor;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.Examples;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.TestClock;
import dev.baton.engine.item.WorkItemCommand;
import dev.baton.engine.item.WorkItemId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelVersionsTest {

    final TestClock clock = new TestClock();
    final ModelVersionStore store = ModelVersionStore.inMemory();
    final ModelVersions versions = new ModelVersions(store, clock);
    final String text = Examples.text("b2b-saas.yaml");

    @Test
    void anUnchangedUploadIsRecognisedAndAnInvalidOneStoresNothing() {
        ModelUpload first = versions.upload("b2b-saas.yaml", text, "dev.patel");
        ModelUpload same = versions.upload("b2b-saas.yaml", text, "grace.lindqvist");
        ModelUpload broken = versions.upload("broken.yaml", text.replace("owner: nora.haddad", "owner: nora"),
                "dev.patel");

        assertThat(first.version().number()).isEqualTo(1);
        assertThat(first.version().sha256()).hasSize(64).isEqualTo(ModelVersions.sha256(text));
        assertThat(same.unchanged()).isTrue();
        assertThat(same.version()).isEqualTo(first.version());
        assertThat(broken.accepted()).isFalse();
        assertThat(broken.report().errors()).isNotEmpty();
        assertThat(versions.all()).hasSize(1);
        assertThat(store.load()).hasSize(1);
    }

    @Test
    void aValidChangedModelAGuardRefusesIsNotStoredAndTheGuardSeesTheNewModelAndTheCurrentVersion() {
        versions.upload("b2b-saas.yaml", text, "dev.patel");
        java.util.List<String> seen = new java.util.ArrayList<>();
        versions.guard((next, current) -> {
            seen.add(next.name() + " after version " + current.map(ModelVersion::number).orElse(0));
            return next.name().contains("Refused") ? java.util.Optional.of(new ModelUpload.Refusal("breaks-something",
                    "It would break something stored.")) : java.util.Optional.empty();
        });
        String name = text.lines().filter(l -> l.startsWith("name:")).findFirst().orElseThrow();

        ModelUpload refused = versions.upload("b2b-saas.yaml", text.replace(name, "name: Refused"), "dev.patel");
        ModelUpload same = versions.upload("b2b-saas.yaml", text, "dev.patel");
        ModelUpload passed = versions.upload("b2b-saas.yaml", text.replace(name, "name: Passed"), "dev.patel");

        assertThat(refused.refused()).isTrue();
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.refusal()).isEqualTo(new ModelUpload.Refusal("breaks-something", "It would break something stored."));
        assertThat(refused.report().valid()).isTrue();
        assertThat(same.unchanged()).as("the current text again is not checked").isTrue();
        assertThat(passed.version().number()).isEqualTo(2);
        assertThat(seen).containsExactly("Refused after version 1", "Passed after version 1");
        assertThat(store.load()).hasSize(2);
    }

    @Test
    void itemsKeepTheModelVersionTheyWereCreatedWith() {
        versions.upload("b2b-saas.yaml", text, "dev.patel");
        Engine engine = Engine.inMemory(versions, clock);
        WorkItemId old = create(engine);
        // Version 2 drops the brief review gate.
        ModelUpload v2 = versions.upload("b2b-saas.yaml",
                text.replace("        gate: { approvers: [nora.haddad, maya.chen], mode: all }\n", ""), "dev.patel");
        assertThat(v2.version().number()).isEqualTo(2);
        WorkItemId young = create(engine);

        assertThat(engine.item(old).orElseThrow().modelVersion()).isEqualTo(1);
        assertThat(engine.item(young).orElseThrow().modelVersion()).isEqualTo(2);
        CommandResult oldMove = engine.handle(old, null, "m1", new Actor("nora.haddad"), new WorkItemCommand.MoveTo("build"));
        CommandResult youngMove = engine.handle(young, null, "m2", new Actor("nora.haddad"),
                new WorkItemCommand.MoveTo("build"));
        assertThat(((CommandResult.Rejected) oldMove).rejection().code()).isEqualTo(Code.APPROVAL_MISSING);
        assertThat(youngMove.rejected()).isFalse();
    }

    @Test
    void storedVersionsAreReadBackOnStart() {
        versions.upload("b2b-saas.yaml", text, "dev.patel");
        versions.upload("content-team.yaml", Examples.text("content-team.yaml"), "dev.patel");

        ModelVersions reopened = new ModelVersions(store, clock);

        assertThat(reopened.all()).extracting(ModelVersion::number).containsExactly(1, 2);
        assertThat(reopened.current().orElseThrow().model().name()).isEqualTo(versions.current().orElseThrow()
                .model().name());
        assertThat(reopened.get(1).orElseThrow().uploadedAt()).isEqualTo(clock.instant());
        assertThat(reopened.get(3)).isEmpty();
    }

    private static WorkItemId create(Engine engine) {
        Map<String, Object> brief = new java.util.HashMap<>(Map.of("campaign-name", "x", "objective", "y",
                "segment", "z", "primary-metric", "pipeline", "channel-mix", java.util.List.of("email"),
                "start-date", "2026-04-01", "reach", 4000, "impact", 2, "confidence", 80, "effort", 5));
        CommandResult r = engine.create(null, null, new Actor("nora.haddad"),
                new WorkItemCommand.CreateItem("campaign", "Webinar", brief, null, null));
        WorkItemId id = new WorkItemId(((CommandResult.Recorded) r).stream());
        engine.handle(id, null, null, new Actor("nora.haddad"), new WorkItemCommand.MoveTo("brief-review"));
        return id;
    }
}
