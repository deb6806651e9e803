package dev.baton.assist.themes;

import dev.baton.assist.embed.Embedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Post-mortem themes (docs/assist.md): what post-mortems found and why work was sent back or
 * turned down, grouped by meaning so that a team sees what keeps coming back, each theme with its
 * items. The texts are embedded (MiniLM) and grouped greedily: each text, longest first, joins the
 * theme whose centre is most similar to it at {@link #SIMILAR} or more, else starts a theme; a
 * theme's name is the text nearest its centre. Deterministic for the same texts.
 */
public final class Themes {

    /** The cosine similarity at which a text belongs to a theme: about a loose paraphrase (PLANNING-AND-AI.md, 2.1). */
    public static final double SIMILAR = 0.5;

    private Themes() {
    }

    /**
     * One thing said about an item.
     *
     * @param kind {@code went-well}, {@code to-change}, {@code fact}, {@code handoff-rejected},
     *             {@code approval-denied}, {@code request-declined}, {@code insight}
     * @param ref  where it was said: an event ({@code item-7#12}) or a post-mortem
     */
    public record Finding(String item, String title, String kind, String text, String ref) {
    }

    /** A theme: its name (the finding nearest its centre), its findings and the items they are about. */
    public record Theme(String name, List<Finding> findings, List<String> items) {
        public Theme {
            findings = List.copyOf(findings);
            items = List.copyOf(items);
        }
    }

    /** Themes of two findings or more first, largest first; single findings after them. */
    public static List<Theme> of(List<Finding> findings, Embedder embedder) {
        List<Finding> usable = findings.stream().filter(f -> f.text() != null && !f.text().isBlank())
                .sorted(Comparator.comparingInt((Finding f) -> -f.text().length()).thenComparing(Finding::text)).toList();
        if (usable.isEmpty()) {
            return List.of();
        }
        float[][] vectors = embedder.embed(usable.stream().map(Finding::text).toList());
        List<float[]> sums = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            int best = -1;
            double bestSimilarity = SIMILAR;
            for (int t = 0; t < sums.size(); t++) {
                double s = cosine(vectors[i], sums.get(t));
                if (s >= bestSimilarity) {
                    best = t;
                    bestSimilarity = s;
                }
            }
            if (best < 0) {
                sums.add(vectors[i].clone());
                members.add(new ArrayList<>(List.of(i)));
            } else {
                add(sums.get(best), vectors[i]);
                members.get(best).add(i);
            }
        }
        List<Theme> themes = new ArrayList<>();
        for (int t = 0; t < sums.size(); t++) {
            List<Integer> m = members.get(t);
            int centre = m.get(0);
            double nearest = -2;
            for (int i : m) {
                double s = cosine(vectors[i], sums.get(t));
                if (s > nearest) {
                    nearest = s;
                    centre = i;
                }
            }
            Set<String> items = new LinkedHashSet<>();
            m.forEach(i -> items.add(usable.get(i).item()));
            themes.add(new Theme(usable.get(centre).text(), m.stream().map(usable::get).toList(), List.copyOf(items)));
        }
        themes.sort(Comparator.comparingInt((Theme x) -> -x.findings().size()).thenComparing(Theme::name));
        return themes;
    }

    private static void add(float[] sum, float[] v) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += v[i];
        }
    }

    private static double cosine(float[] unit, float[] sum) {
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < unit.length; i++) {
            dot += unit[i] * sum[i];
            norm += sum[i] * sum[i];
        }
        return norm == 0 ? 0 : dot / Math.sqrt(norm);
    }
}
