package dev.baton.assist.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.assist.Examples;
import dev.baton.assist.history.PastWork;
import dev.baton.assist.similar.Match;
import dev.baton.model.OperatingModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingTest {

    static final OperatingModel MODEL = Examples.b2b();

    static PastWork item(String id, String type, String owner, boolean open) {
        return new PastWork(id, PastWork.Kind.ITEM, type, id, Map.of(), "brief", owner, open, null, owner, Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void theNearestItemsVoteTheWorkTypeAndTheLeastLoadedOwnerOfItsFirstStageGetsIt() {
        List<Match> nearest = List.of(new Match(item("a", "campaign", null, false), 0.8),
                new Match(item("b", "asset", null, false), 0.7), new Match(item("c", "campaign", null, false), 0.6),
                new Match(item("d", "initiative", null, false), 0.9), new Match(item("e", "asset", null, false), 0.1));
        List<PastWork> all = List.of(item("x1", "campaign", "nora.haddad", true), item("x2", "campaign", "nora.haddad", true),
                item("x3", "campaign", "jon.ito", true), item("x4", "campaign", "jon.ito", false));

        RoutingSuggestion r = Routing.suggest(MODEL, nearest, all);

        // Initiatives have no intake form: a request does not become one. The 0.1 neighbour does not vote.
        assertThat(r.workType()).isEqualTo("campaign");
        assertThat(r.confidence()).isCloseTo(1.4 / 2.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.owner()).isEqualTo("jon.ito");
        assertThat(r.candidates()).containsExactly(new RoutingSuggestion.Load("jon.ito", 1),
                new RoutingSuggestion.Load("nora.haddad", 2));
        assertThat(r.reasons().get(0)).startsWith("campaign: 2 of the 3 most similar past items");
        assertThat(r.reasons().get(1)).contains("stage brief of campaign is owned by nora.haddad (demand-gen)");
    }

    @Test
    void nothingSimilarEnoughSuggestsNothing() {
        RoutingSuggestion r = Routing.suggest(MODEL, List.of(new Match(item("a", "campaign", null, false), 0.1)), List.of());
        assertThat(r.workType()).isNull();
        assertThat(r.owner()).isNull();
        assertThat(r.reasons().get(0)).contains("no past item", "similar enough");
    }
}
