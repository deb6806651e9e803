package dev.baton.model.show;

import dev.baton.model.BusinessFunction;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.StageKind;
import dev.baton.model.Team;
import dev.baton.model.WorkType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.baton.model.show.Fixtures.rights;
import static dev.baton.model.show.Fixtures.stage;
import static dev.baton.model.show.Fixtures.withDecision;
import static org.assertj.core.api.Assertions.assertThat;

class RaciMatrixTest {

    private static final List<BusinessFunction> FUNCTIONS = List.of(new BusinessFunction("pmm", "PMM"),
            new BusinessFunction("sales", "Sales"), new BusinessFunction("legal", "Legal"));

    private static RaciMatrix matrix(WorkType workType, List<Person> people) {
        OperatingModel model = Fixtures.model(FUNCTIONS, List.of(new Team("field", "Field team", "sales", List.of())),
                people, List.of(), List.of(workType), List.of());
        return RaciMatrix.of(model, workType);
    }

    private static WorkType oneStage(String owner, String driver, String approver, List<String> contributors,
                                     List<String> informed) {
        return new WorkType("w", "w", null, null, List.of(),
                List.of(withDecision(stage("review", StageKind.COORDINATION, owner, null),
                        rights(driver, approver, contributors, informed))),
                List.of(), List.of());
    }

    @Test
    void onePartyHoldingSeveralRightsGetsThemCombinedInRaciOrder() {
        RaciMatrix m = matrix(oneStage("pmm", "pmm", "pmm", List.of("pmm"), List.of("pmm")), List.of());

        assertThat(m.cell("review", "pmm")).isEqualTo("R/A/C/I");
    }

    @Test
    void theOwnerDrivesWhenNoDriverIsDeclared() {
        RaciMatrix m = matrix(oneStage("pmm", null, "legal", List.of(), List.of("sales")), List.of());

        assertThat(m.cell("review", "pmm")).isEqualTo("R");
        assertThat(m.cell("review", "legal")).isEqualTo("A");
        assertThat(m.cell("review", "sales")).isEqualTo("I");
    }

    @Test
    void aDeclaredDriverWinsOverTheOwner() {
        RaciMatrix m = matrix(oneStage("pmm", "sales", "legal", List.of(), List.of()), List.of());

        assertThat(m.cell("review", "sales")).isEqualTo("R");
        assertThat(m.cell("review", "pmm")).isEmpty();
    }

    @Test
    void aStageWithoutDecisionRightsIsStillDrivenByItsOwner() {
        WorkType w = new WorkType("w", "w", null, null, List.of(),
                List.of(stage("draft", StageKind.MAKING, "sales", "2d"), stage("wait", StageKind.WAITING, null, null)),
                List.of(), List.of());
        RaciMatrix m = matrix(w, List.of());

        assertThat(m.cell("draft", "sales")).isEqualTo("R");
        assertThat(m.columns().stream().map(c -> m.cell("wait", c))).allMatch(String::isEmpty);
        assertThat(m.notes()).containsExactly("wait: nobody drives (no driver, no owner)");
    }

    @Test
    void peopleAndTeamsAreShownInTheirFunctionsColumnAndNamedInTheNotes() {
        RaciMatrix m = matrix(oneStage("alice", null, "sales", List.of("field"), List.of()),
                List.of(new Person("alice", "Alice Chen", "pmm", null)));

        assertThat(m.columns()).containsExactly("pmm", "sales", "legal");
        assertThat(m.cell("review", "pmm")).isEqualTo("R");
        assertThat(m.cell("review", "sales")).isEqualTo("A/C");
        assertThat(m.notes()).containsExactly(
                "review: R alice (Alice Chen, person in PMM)",
                "review: C field (Field team, team in Sales)");
    }

    @Test
    void aPartyTheModelDoesNotDeclareGetsAColumnOfItsOwn() {
        RaciMatrix m = matrix(oneStage("pmm", null, "pmm", List.of("outside-counsel"), List.of()), List.of());

        assertThat(m.columns()).containsExactly("pmm", "sales", "legal", "outside-counsel");
        assertThat(m.cell("review", "outside-counsel")).isEqualTo("C");
        assertThat(m.notes()).containsExactly("review: C outside-counsel (not declared in the model)");
    }

    @Test
    void renderedMatrixHasARowPerStageAndAColumnPerFunction() {
        String text = RaciMatrix.of(Fixtures.acme(), Fixtures.acme().workTypes().get(0)).render();

        assertThat(text.lines().findFirst()).hasValue(
                "  stage         product  pmm  content  demand-gen  sales  cs  legal");
        assertThat(text).contains("  brief         C        R/A  -        -           I      -   -\n");
    }
}
