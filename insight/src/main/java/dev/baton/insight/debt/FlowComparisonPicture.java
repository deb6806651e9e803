package dev.baton.insight.debt;

import dev.baton.insight.debt.DebtReport.Edge;
import dev.baton.insight.debt.DebtReport.FlowComparison;
import dev.baton.insight.picture.FlowSvg;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The declared and the actual flow of a work type as pictures, for the dashboard and the HTML
 * report alike: the same stages, the actual stage changes as arrows as thick as they are frequent and
 * labelled with their count, red when the model does not declare them, and the declared changes no
 * item took drawn faint and labelled "never".
 */
public final class FlowComparisonPicture {

    private FlowComparisonPicture() {
    }

    /**
     * The actual flow. {@code name} gives a stage's display name; {@code kind} its kind, or
     * "deviation" for a stage the model does not declare.
     */
    public static String actual(FlowComparison f, String title, Function<String, String> name,
                                Function<String, String> kind, int width) {
        long max = Math.max(1, f.actual().stream().mapToLong(Edge::count).max().orElse(1));
        List<FlowSvg.Edge> edges = new ArrayList<>();
        for (Edge e : f.actual()) {
            double weight = 1 + 5 * Math.log1p(e.count()) / Math.log1p(max);
            edges.add(new FlowSvg.Edge(e.from(), e.to(), String.valueOf(e.count()),
                    e.declared() ? "normal" : "deviation", weight));
        }
        for (Edge e : f.declared()) {
            if (f.actual().stream().noneMatch(a -> a.from().equals(e.from()) && a.to().equals(e.to()))) {
                edges.add(new FlowSvg.Edge(e.from(), e.to(), "never", "faint", 1));
            }
        }
        return FlowSvg.render(title, nodes(f, name, kind), edges, width);
    }

    /** The declared flow: the model's stage changes between the same stages. */
    public static String declared(FlowComparison f, String title, Function<String, String> name,
                                  Function<String, String> kind, int width) {
        List<FlowSvg.Edge> edges = f.declared().stream()
                .map(e -> new FlowSvg.Edge(e.from(), e.to(), null, "normal", 1.2)).toList();
        return FlowSvg.render(title, nodes(f, name, kind), edges, width);
    }

    private static List<FlowSvg.Node> nodes(FlowComparison f, Function<String, String> name,
                                            Function<String, String> kind) {
        List<FlowSvg.Node> nodes = new ArrayList<>();
        for (String stage : f.stages()) {
            String k = kind.apply(stage);
            nodes.add(new FlowSvg.Node(stage, name.apply(stage),
                    "deviation".equals(k) ? List.of("not a declared stage") : List.of(), k));
        }
        return nodes;
    }
}
