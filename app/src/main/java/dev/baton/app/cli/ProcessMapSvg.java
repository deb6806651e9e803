package dev.baton.app.cli;

import dev.baton.insight.discovery.ProcessMap;
import dev.baton.insight.picture.FlowSvg;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code baton discover --format svg}: the directly-follows graph as one self-contained SVG
 * document, drawn by the same {@link FlowSvg} as the web app's flows. A box per activity (its
 * events, how many cases start or end there), a start and an end box, and an arrow per pair of
 * activities that directly follow each other, as thick as it is frequent, labelled with how often
 * and the median and 90th-percentile wait. Activities go left to right by where they usually come
 * in a case, so that most arrows point forward and loops and steps back show as arcs below.
 */
final class ProcessMapSvg {

    private ProcessMapSvg() {
    }

    static String render(ProcessMap map) {
        List<String> order = order(map);
        Set<String> names = new HashSet<>(order);
        String start = unused("start", names);
        String end = unused("end", names);
        Map<String, Long> starts = new HashMap<>();
        map.startActivities().forEach(s -> starts.put(s.activity(), s.cases()));
        Map<String, Long> ends = new HashMap<>();
        map.endActivities().forEach(s -> ends.put(s.activity(), s.cases()));
        Map<String, Long> occurrences = new HashMap<>();
        map.activities().forEach(a -> occurrences.put(a.name(), a.occurrences()));

        List<FlowSvg.Node> nodes = new ArrayList<>();
        nodes.add(new FlowSvg.Node(start, "start", List.of(cases(map.cases())), "waiting"));
        for (String activity : order) {
            List<String> lines = new ArrayList<>();
            lines.add(occurrences.getOrDefault(activity, 0L) + " events");
            long first = starts.getOrDefault(activity, 0L);
            long last = ends.getOrDefault(activity, 0L);
            if (first > 0) {
                lines.add("starts " + cases(first));
            }
            if (last > 0) {
                lines.add("ends " + cases(last));
            }
            nodes.add(new FlowSvg.Node(activity, activity, lines, "making"));
        }
        nodes.add(new FlowSvg.Node(end, "end", List.of(cases(map.cases())), "waiting"));

        long most = Math.max(1, map.edges().stream().mapToLong(ProcessMap.Edge::count).max().orElse(1));
        List<FlowSvg.Edge> edges = new ArrayList<>();
        map.startActivities().forEach(s -> edges.add(new FlowSvg.Edge(start, s.activity(), String.valueOf(s.cases()),
                "faint", weight(s.cases(), most))));
        for (ProcessMap.Edge e : map.edges()) {
            String waits = e.medianWaitMillis() < 0 ? ""
                    : " · " + Text.duration(e.medianWaitMillis()) + " (p90 " + Text.duration(e.p90WaitMillis()) + ")";
            edges.add(new FlowSvg.Edge(e.from(), e.to(), e.count() + "×" + waits, "normal", weight(e.count(), most)));
        }
        map.endActivities().forEach(s -> edges.add(new FlowSvg.Edge(s.activity(), end, String.valueOf(s.cases()),
                "faint", weight(s.cases(), most))));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + FlowSvg.render("Directly-follows graph of " + map.log(), nodes, edges) + "\n";
    }

    /**
     * Activities by where they first come in a case, on average over the cases (0 first, 1 last),
     * ties by name: the order a reader expects a flow to go in.
     */
    static List<String> order(ProcessMap map) {
        Map<String, double[]> position = new HashMap<>();
        for (ProcessMap.Variant v : map.variants()) {
            List<String> trace = v.activities();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < trace.size(); i++) {
                if (seen.add(trace.get(i))) {
                    double relative = trace.size() == 1 ? 0 : (double) i / (trace.size() - 1);
                    double[] sum = position.computeIfAbsent(trace.get(i), k -> new double[2]);
                    sum[0] += relative * v.cases();
                    sum[1] += v.cases();
                }
            }
        }
        List<String> names = new ArrayList<>(map.activities().stream().map(ProcessMap.Activity::name).toList());
        names.sort(Comparator.comparingDouble((String a) -> {
            double[] sum = position.get(a);
            return sum == null || sum[1] == 0 ? 1 : sum[0] / sum[1];
        }).thenComparing(Comparator.naturalOrder()));
        return names;
    }

    private static double weight(long count, long most) {
        return 1 + 5 * Math.log1p(count) / Math.log1p(most);
    }

    private static String cases(long n) {
        return n == 1 ? "1 case" : n + " cases";
    }

    /** An id for the start or end box that no activity has. */
    private static String unused(String id, Set<String> names) {
        String candidate = id;
        while (names.contains(candidate)) {
            candidate = "_" + candidate;
        }
        return candidate;
    }
}
