package dev.baton.assist.similar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.assist.embed.MiniLm;
import dev.baton.assist.history.PastWork;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Similar requests by meaning, with the in-jar MiniLM model, offline. */
class SimilarWorkTest {

    static PastWork request(String id, String title) {
        return new PastWork(id, PastWork.Kind.REQUEST, "campaign", title, Map.of(), "submitted", null, true, null, "maya",
                Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void aParaphraseIsFoundFirstAndAnUnrelatedRequestLast() {
        SimilarWork index = SimilarWork.index(List.of(
                request("req-1", "Quarterly board deck for the investors"),
                request("req-2", "Run a LinkedIn ad campaign to reach finance leaders at fintech companies"),
                request("req-3", "Fix the broken signup form on the pricing page"),
                request("req-4", "Write a blog post about data quality")), MiniLm.instance());

        List<Match> matches = index.search("Paid social campaign on LinkedIn targeting CFOs in fintech", 4);
        assertThat(matches.get(0).work().id()).isEqualTo("req-2");
        assertThat(matches.get(0).similarity()).isGreaterThan(0.5);
        assertThat(matches.get(3).similarity()).isLessThan(0.3);
        assertThat(matches).extracting(Match::similarity).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(index.search("anything", 2, w -> w.id().equals("req-3"))).extracting(m -> m.work().id())
                .containsExactly("req-3");
    }

    @Test
    void embeddingsAreUnitVectorsComputedInBatches() {
        float[][] v = MiniLm.instance().embed(List.of("one request", "", "another request"));
        assertThat(v).hasNumberOfRows(3);
        double norm = 0;
        for (float x : v[0]) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(v[1]).containsOnly(0f);
    }
}
