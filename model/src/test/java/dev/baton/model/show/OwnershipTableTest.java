package dev.baton.model.show;

import dev.baton.model.OperatingModel;
import dev.baton.model.show.OwnershipTable.Flag;
import dev.baton.model.show.OwnershipTable.Row;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipTableTest {

    private final List<Row> rows = OwnershipTable.of(Fixtures.acme()).rows();
    private final Map<String, Row> byId = rows.stream().collect(Collectors.toMap(Row::component, Function.identity()));

    @Test
    void exactlyOneKnownOwnerIsHealthy() {
        assertThat(byId.get("audience").flags()).isEmpty();
        assertThat(byId.get("audience").functions()).containsExactly("Demand Gen");
    }

    @Test
    void severalOwnersAndNoOwnerAreFlagged() {
        assertThat(byId.get("messaging").flags()).containsExactly(Flag.SEVERAL_OWNERS);
        assertThat(byId.get("messaging").functions()).containsExactly("PMM", "Product");
        assertThat(byId.get("channels").flags()).containsExactly(Flag.NO_OWNER);
    }

    @Test
    void anOwnerNobodyDeclaresIsFlagged() {
        assertThat(byId.get("reporting").flags()).containsExactly(Flag.UNKNOWN_OWNER);
        assertThat(byId.get("reporting").functions()).isEmpty();
    }

    @Test
    void teamAndPersonOwnersAreShownWithTheirFunction() {
        assertThat(byId.get("content").functions()).containsExactly("Content");
        assertThat(byId.get("brand").functions()).containsExactly("PMM");
        assertThat(byId.get("brand").core()).isFalse();
    }

    @Test
    void coreComponentsTheModelLeavesOutAreListedLastAsNotDeclared() {
        assertThat(rows.stream().map(Row::component)).containsExactly(
                "audience", "messaging", "content", "channels", "reporting", "brand", "data", "instrumentation");
        assertThat(byId.get("data").flags()).containsExactly(Flag.NOT_DECLARED);
        assertThat(byId.get("instrumentation").core()).isTrue();
        assertThat(OwnershipTable.of(Fixtures.acme()).render())
                .contains("  data *             -             -             (not declared)\n");
    }

    @Test
    void aModelWithoutComponentsListsEveryCoreComponent() {
        OperatingModel empty = Fixtures.model(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        assertThat(OwnershipTable.of(empty).rows().stream().map(Row::component))
                .containsExactlyElementsOf(OperatingModel.CORE_COMPONENTS);
    }
}
