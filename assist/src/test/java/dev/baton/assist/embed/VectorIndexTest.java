package dev.baton.assist.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorIndexTest {

    @Test
    void theTopKAreExactlyTheMostSimilarRowsBestFirst() {
        Random random = new Random(3);
        VectorIndex index = new VectorIndex(16);
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            float[] v = new float[16];
            for (int j = 0; j < 16; j++) {
                v[j] = (float) random.nextGaussian();
            }
            rows.add(Vectors.unit(v));
            index.add(v);
        }
        float[] query = rows.get(1234).clone();
        query[0] += 0.1f;
        List<VectorIndex.Hit> top = index.top(query, 7);
        float[] q = Vectors.unit(query);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            expected.add(i);
        }
        expected.sort(Comparator.comparingDouble((Integer i) -> -Vectors.dot(rows.get(i), q)));
        assertThat(top).extracting(VectorIndex.Hit::row).containsExactlyElementsOf(expected.subList(0, 7));
        assertThat(top.get(0).row()).isEqualTo(1234);
        assertThat(top.get(0).similarity()).isBetween(0.99f, 1.0001f);
        // A filter keeps only the rows it accepts.
        assertThat(index.top(query, 3, row -> row % 2 == 1)).extracting(VectorIndex.Hit::row).allMatch(r -> r % 2 == 1);
    }

    @Test
    void tiesGoToTheEarlierRowAndAZeroVectorIsSimilarToNothing() {
        VectorIndex index = new VectorIndex(8);
        float[] v = {1, 0, 0, 0, 0, 0, 0, 0};
        index.add(new float[8]);
        index.add(v);
        index.add(v.clone());
        index.add(v.clone());
        assertThat(index.top(v, 2)).extracting(VectorIndex.Hit::row).containsExactly(1, 2);
        assertThat(index.top(v, 10)).hasSize(4).last().satisfies(h -> assertThat(h.similarity()).isZero());
        assertThat(new VectorIndex(8).top(v, 3)).isEmpty();
        assertThatThrownBy(() -> index.add(new float[7])).hasMessageContaining("expected a vector of 8 dimensions, found 7");
    }
}
