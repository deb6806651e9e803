package dev.baton.assist.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 sentence embeddings (384 dimensions), run in-process by ONNX Runtime from the
 * model inside the jar: nothing is downloaded and nothing leaves the machine. The model is loaded
 * once, on first use (about a second here, 90 MB); the tokenizer's native library is unpacked to
 * DJL's cache ({@code DJL_CACHE_DIR}, by default {@code ~/.djl.ai}). Batches are embedded on every
 * core. Thread-safe.
 */
public final class MiniLm implements Embedder {

    public static final int DIMENSION = 384;
    /** Texts per call into the model: large enough to keep every core busy, small enough to report progress. */
    private static final int BATCH = 256;

    private static final MiniLm INSTANCE = new MiniLm();

    private MiniLm() {
    }

    /** The one instance: the model is process-wide state, loaded lazily. */
    public static MiniLm instance() {
        return INSTANCE;
    }

    /** The model, loaded on first use by the class-holder idiom (the JVM makes it once, thread-safely). */
    private static final class Holder {
        static final EmbeddingModel MODEL = load();

        private static EmbeddingModel load() {
            try {
                return new AllMiniLmL6V2EmbeddingModel();
            } catch (RuntimeException | LinkageError e) {
                throw new EmbeddingUnavailableException("the embedding model (all-MiniLM-L6-v2) could not be loaded: " + e
                        + "; its tokenizer unpacks a native library to DJL_CACHE_DIR (default ~/.djl.ai), which must be writable", e);
            }
        }
    }

    private static EmbeddingModel model() {
        try {
            return Holder.MODEL;
        } catch (ExceptionInInitializerError e) {
            throw e.getCause() instanceof EmbeddingUnavailableException u ? u
                    : new EmbeddingUnavailableException("the embedding model could not be loaded: " + e.getCause(), e);
        } catch (NoClassDefFoundError e) {
            // A second use after a failed load: the holder class is unusable for the rest of the run.
            throw new EmbeddingUnavailableException("the embedding model could not be loaded (see the first error)", e);
        }
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        List<TextSegment> batch = new ArrayList<>(BATCH);
        List<Integer> at = new ArrayList<>(BATCH);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                vectors[i] = new float[DIMENSION];
                continue;
            }
            batch.add(TextSegment.from(text));
            at.add(i);
            if (batch.size() == BATCH) {
                embedBatch(batch, at, vectors);
            }
        }
        if (!batch.isEmpty()) {
            embedBatch(batch, at, vectors);
        }
        return vectors;
    }

    private static void embedBatch(List<TextSegment> batch, List<Integer> at, float[][] vectors) {
        List<Embedding> embeddings = model().embedAll(batch).content();
        for (int j = 0; j < batch.size(); j++) {
            vectors[at.get(j)] = Vectors.unit(embeddings.get(j).vector());
        }
        batch.clear();
        at.clear();
    }
}
