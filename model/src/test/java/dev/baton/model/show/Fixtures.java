package dev.baton.model.show;

import dev.baton.model.BusinessFunction;
import dev.baton.model.Capacity;
import dev.baton.model.Component;
import dev.baton.model.DebtSettings;
import dev.baton.model.DecisionRights;
import dev.baton.model.Field;
import dev.baton.model.FieldType;
import dev.baton.model.Gate;
import dev.baton.model.GateMode;
import dev.baton.model.Handoff;
import dev.baton.model.Intake;
import dev.baton.model.Metric;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.StageKind;
import dev.baton.model.Team;
import dev.baton.model.Template;
import dev.baton.model.WorkDuration;
import dev.baton.model.WorkType;

import java.util.List;

/** Small operating models built from records, as the YAML reader would produce them. */
final class Fixtures {

    private Fixtures() {
    }

    static WorkDuration sla(String text) {
        return WorkDuration.parse(text).orElseThrow();
    }

    static Stage stage(String id, StageKind kind, String owner, String sla) {
        return new Stage(id, id, kind, owner, null, List.of(), null, sla == null ? null : sla(sla), false);
    }

    static Stage withDecision(Stage s, DecisionRights d) {
        return new Stage(s.id(), s.name(), s.kind(), s.owner(), d, s.exit(), s.gate(), s.sla(), s.optional());
    }

    static Stage withGate(Stage s, Gate g) {
        return new Stage(s.id(), s.name(), s.kind(), s.owner(), s.decision(), s.exit(), g, s.sla(), s.optional());
    }

    static Stage optional(Stage s) {
        return new Stage(s.id(), s.name(), s.kind(), s.owner(), s.decision(), s.exit(), s.gate(), s.sla(), true);
    }

    static DecisionRights rights(String driver, String approver, List<String> contributors, List<String> informed) {
        return new DecisionRights(driver, approver, contributors, informed);
    }

    static Handoff handoff(String workType, String from, String to, String atFrom, String atTo,
                           List<String> requires, List<String> artifacts, String sla) {
        return new Handoff(workType, from, to, new StageChange(atFrom, atTo), requires, artifacts,
                sla == null ? null : sla(sla));
    }

    static OperatingModel model(List<BusinessFunction> functions, List<Team> teams, List<Person> people,
                                List<Component> components, List<WorkType> workTypes, List<Handoff> handoffs) {
        return new OperatingModel(OperatingModel.API_VERSION, "Test", null, functions, teams, people, components,
                List.of(), List.of(), workTypes, handoffs, Intake.NONE, DebtSettings.DEFAULT);
    }

    /**
     * A B2B SaaS marketing team: a product launch that goes from Product's requirements to PMM's
     * brief, through a product and legal review (with rework back to the brief), a content build
     * and an optional sales enablement; and a blog post flow with a queue.
     */
    static OperatingModel acme() {
        List<BusinessFunction> functions = List.of(
                new BusinessFunction("product", "Product"),
                new BusinessFunction("pmm", "PMM"),
                new BusinessFunction("content", "Content"),
                new BusinessFunction("demand-gen", "Demand Gen"),
                new BusinessFunction("sales", "Sales"),
                new BusinessFunction("cs", "CS"),
                new BusinessFunction("legal", "Legal"));
        List<Team> teams = List.of(new Team("web-team", "Web team", "content", List.of("dana")));
        List<Person> people = List.of(
                new Person("alice", "Alice Chen", "pmm", Capacity.parse("32h/week").orElseThrow()),
                new Person("bob", "Bob Ortiz", "sales", null),
                new Person("dana", "Dana Lee", "content", null));
        List<Component> components = List.of(
                new Component("audience", "Audience", List.of("demand-gen")),
                new Component("messaging", "Messaging", List.of("pmm", "product")),
                new Component("content", "Content", List.of("web-team")),
                new Component("channels", "Channels", List.of()),
                new Component("reporting", "Reporting", List.of("ops")),
                new Component("brand", "Brand", List.of("alice")));
        Template brief = new Template("launch-brief", "Launch brief", List.of(
                new Field("positioning", "Positioning", FieldType.TEXT, true, List.of()),
                new Field("launch-date", "Launch date", FieldType.DATE, true, List.of())));

        WorkType launch = new WorkType("launch", "Product launch", null, "launch-brief", List.of("pipeline"),
                List.of(
                        stage("requirements", StageKind.MAKING, "product", "5d"),
                        withDecision(stage("brief", StageKind.MAKING, "alice", "3d"),
                                rights("alice", "pmm", List.of("product"), List.of("sales"))),
                        withGate(withDecision(stage("review", StageKind.COORDINATION, "product", "2d"),
                                        rights(null, "product", List.of("legal", "pmm"), List.of("sales"))),
                                new Gate(List.of("product", "legal"), GateMode.ALL)),
                        withDecision(stage("build", StageKind.MAKING, "content", "5d"),
                                rights("web-team", "pmm", List.of("product"), List.of("demand-gen", "cs"))),
                        optional(withDecision(stage("enable-sales", StageKind.MAKING, "pmm", "2d"),
                                rights(null, "sales", List.of("bob"), List.of("cs")))),
                        stage("launched", StageKind.WAITING, null, null)),
                List.of(new StageChange("review", "brief")),
                List.of("launched"));

        WorkType blog = new WorkType("blog-post", "Blog post", "launch", null, List.of(),
                List.of(
                        stage("draft", StageKind.MAKING, "dana", "2d"),
                        withGate(stage("edit", StageKind.COORDINATION, "content", "1d"),
                                new Gate(List.of("pmm", "product"), GateMode.ANY)),
                        stage("scheduled", StageKind.WAITING, "demand-gen", "1w"),
                        stage("published", StageKind.MAKING, "demand-gen", null)),
                List.of(new StageChange("edit", "draft")),
                List.of());

        // Declared out of stage order on purpose: the chain follows the stages, not the YAML.
        List<Handoff> handoffs = List.of(
                handoff("launch", "content", "sales", "build", "enable-sales", List.of(),
                        List.of("battlecard", "pitch deck"), "2d"),
                handoff("launch", "product", "pmm", "requirements", "brief", List.of("launch-date"),
                        List.of("product requirements"), "2d"),
                handoff("launch", "product", "pmm", "review", "brief", List.of(), List.of("review notes"), null),
                handoff("launch", "pmm", "content", "review", "build", List.of("positioning", "launch-date"),
                        List.of("approved brief"), "2d"),
                handoff("launch", "sales", "cs", "enable-sales", "launched", List.of(), List.of("help article"), "3d"),
                handoff("blog-post", "content", "demand-gen", "edit", "scheduled", List.of(),
                        List.of("final copy"), "1d"));

        return new OperatingModel(OperatingModel.API_VERSION, "Acme GTM", "2026.1", functions, teams, people,
                components, List.of(new Metric("pipeline", "Pipeline", "USD", "Opportunities created", 1e6)),
                List.of(brief), List.of(launch, blog), handoffs, Intake.NONE, DebtSettings.DEFAULT);
    }

    /**
     * What the YAML reader leaves of a model with mistakes: nulls where values were missing or
     * wrong, references to stages and parties nobody declared.
     */
    static OperatingModel broken() {
        List<BusinessFunction> functions = List.of(new BusinessFunction("pmm", "PMM"),
                new BusinessFunction(null, null));
        WorkType wt = new WorkType("campaign", null, null, null, null,
                List.of(
                        new Stage("plan", null, null, null, null, null, null, null, false),
                        new Stage(null, null, StageKind.MAKING, "pmm", rights(null, null, null, null), null,
                                new Gate(null, null), null, false),
                        new Stage("go-live", "Go live", StageKind.WAITING, "ghost",
                                rights("zoe", "pmm", List.of("stranger"), List.of()), List.of(), null,
                                sla("1d"), false)),
                List.of(new StageChange("go-live", "retro")),
                null);
        List<Handoff> handoffs = List.of(
                new Handoff("campaign", "pmm", null, null, null, null, null),
                new Handoff(null, "pmm", "sales", new StageChange("plan", "go-live"), List.of(), List.of(), null),
                new Handoff("campaign", "pmm", "sales", new StageChange("plan", "go-live"), List.of(), List.of(),
                        null));
        List<Component> components = List.of(new Component(null, null, null),
                new Component("audience", null, List.of("ghost")));
        return new OperatingModel(null, null, null, functions, null, null, components, null, null,
                List.of(wt), handoffs, null, null);
    }
}
