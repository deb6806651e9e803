package dev.baton.model.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkingTest {

    @Test
    void markingsWithTheSameTokensAreEqualWhicheverWayTheyWereMade() {
        Marking listed = Marking.of(4, 1, 3, 3);
        Marking counted = Marking.ofCounts(0, 1, 0, 2);
        Marking added = Marking.of(4).plus(3, 2).plus(1, 1);

        assertThat(listed).isEqualTo(counted).isEqualTo(added).hasSameHashCodeAs(counted);
        assertThat(Set.of(listed)).contains(counted, added);
        assertThat(listed).isNotEqualTo(Marking.of(4, 1, 3)).isNotEqualTo(Marking.of(5, 1, 3, 3));
        assertThat(listed.total()).isEqualTo(3);
        assertThat(listed.tokens(3)).isEqualTo(2);
        assertThat(listed).hasToString("[1, 3x2]");
    }

    @Test
    void aMarkingNeverChangesOnceMade() {
        int[] counts = {1, 0};
        Marking marking = Marking.ofCounts(counts);

        counts[0] = 7;
        marking.counts()[1] = 7;
        Marking more = marking.plus(1, 1);

        assertThat(marking.counts()).containsExactly(1, 0);
        assertThat(more.counts()).containsExactly(1, 1);
    }

    @Test
    void tokensCannotGoNegative() {
        assertThatThrownBy(() -> Marking.of(2, 0).plus(1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("place 1 holds 0 tokens, cannot take away 1");
        assertThatThrownBy(() -> Marking.ofCounts(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
