package dev.baton.assist.similar;

import dev.baton.assist.embed.Embedder;
import dev.baton.assist.embed.VectorIndex;
import dev.baton.assist.history.PastWork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Past requests and items found by meaning rather than words: each one's text (title and
 * descriptive fields) embedded once, a new request embedded and compared with all of them by
 * cosine similarity (docs/assist.md, "Similar requests"). Immutable once built; safe to search
 * from several threads.
 */
public final class SimilarWork {

    private final List<PastWork> works;
    private final VectorIndex index;
    private final Embedder embedder;

    private SimilarWork(List<PastWork> works, VectorIndex index, Embedder embedder) {
        this.works = works;
        this.index = index;
        this.embedder = embedder;
    }

    /** Embeds every work's text, in batches, and indexes the vectors. */
    public static SimilarWork index(List<PastWork> works, Embedder embedder) {
        List<PastWork> copy = List.copyOf(works);
        VectorIndex index = new VectorIndex(embedder.dimension());
        float[][] vectors = embedder.embed(copy.stream().map(PastWork::text).toList());
        for (float[] v : vectors) {
            index.add(v);
        }
        return new SimilarWork(copy, index, embedder);
    }

    public int size() {
        return works.size();
    }

    /** The {@code top} past works most similar to the request's text, best first. */
    public List<Match> search(String request, int top) {
        return search(request, top, w -> true);
    }

    /** The {@code top} most similar among the works {@code keep} accepts (one work type, items only…). */
    public List<Match> search(String request, int top, Predicate<PastWork> keep) {
        return search(embedder.embed(request), top, keep);
    }

    /** The same, for a request already embedded. */
    public List<Match> search(float[] request, int top, Predicate<PastWork> keep) {
        List<Match> matches = new ArrayList<>();
        for (VectorIndex.Hit hit : index.top(request, top, row -> keep.test(works.get(row)))) {
            matches.add(new Match(works.get(hit.row()), hit.similarity()));
        }
        return matches;
    }

    /** The embedder the index was built with, to embed a query once for several searches. */
    public Embedder embedder() {
        return embedder;
    }
}
