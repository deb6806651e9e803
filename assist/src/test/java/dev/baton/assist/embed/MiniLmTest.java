package dev.baton.assist.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Baton's batched encoder gives the vectors LangChain4j's own model gives, one text at a time. */
class MiniLmTest {

    @Test
    void batchedVectorsAreTheModelsVectors() {
        List<String> texts = List.of("Paid social campaign for fintech CFOs in the UK",
                "Webinar on data contracts with two speakers, aiming for 300 sign-ups in May",
                "One-pager", "Fix the broken signup form on the pricing page before the launch next week");
        float[][] ours = MiniLm.instance().embed(texts);
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs = Vectors.unit(reference.embed(TextSegment.from(texts.get(i))).content().vector());
            assertThat(Vectors.dot(ours[i], theirs)).as(texts.get(i)).isGreaterThan(0.9999f);
        }
    }
}
