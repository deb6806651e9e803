package dev.baton.app.assist;

import dev.baton.assist.embed.Embedder;
import dev.baton.assist.embed.MiniLm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The server's one embedding model (MiniLM, loaded once from the jar on first use) with the
 * vectors of texts it has already embedded kept, so that a page that compares a request with the
 * past work embeds only what is new since the last page: past items are embedded once, not on
 * every page load. At most {@link #KEPT} texts are kept, the least recently used dropped first.
 */
@Component
public class SharedEmbedder implements Embedder {

    /** About 60 MB of vectors (384 floats each). */
    static final int KEPT = 40_000;

    private final Embedder model;
    private final Map<String, float[]> kept = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > KEPT;
        }
    };

    public SharedEmbedder() {
        this(MiniLm.instance());
    }

    SharedEmbedder(Embedder model) {
        this.model = model;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        Map<String, Integer> missing = new LinkedHashMap<>();
        synchronized (kept) {
            for (int i = 0; i < texts.size(); i++) {
                vectors[i] = kept.get(texts.get(i));
                if (vectors[i] == null) {
                    missing.putIfAbsent(texts.get(i), missing.size());
                }
            }
        }
        if (missing.isEmpty()) {
            return vectors;
        }
        float[][] computed = model.embed(new ArrayList<>(missing.keySet()));
        synchronized (kept) {
            missing.forEach((text, i) -> kept.put(text, computed[i]));
        }
        for (int i = 0; i < texts.size(); i++) {
            if (vectors[i] == null) {
                vectors[i] = computed[missing.get(texts.get(i))];
            }
        }
        return vectors;
    }
}
