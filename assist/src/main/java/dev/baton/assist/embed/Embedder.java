package dev.baton.assist.embed;

import java.util.List;

/**
 * Turns texts into unit-length vectors whose dot product is their cosine similarity. Baton's own
 * is {@link MiniLm}, in the jar and offline; tests may pass any other.
 */
public interface Embedder {

    /** The length of every vector. */
    int dimension();

    /**
     * One unit vector per text, in order, computed in batches. A blank text gets the zero vector:
     * it is similar to nothing.
     *
     * @throws EmbeddingUnavailableException when the model cannot be loaded on this machine
     */
    float[][] embed(List<String> texts);

    default float[] embed(String text) {
        return embed(List.of(text))[0];
    }
}
