package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.insight.discovery.Discovery;
import dev.baton.insight.discovery.DiscoveryJson;
import dev.baton.insight.discovery.ProcessMap;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.LogFormatException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code baton discover --log LOG [--format text|json|svg]}: how work actually flows, from the log alone. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Discover the actual flow from an event log: directly-follows graph with frequencies and "
                + "waiting times, start and end activities, variants.")
final class DiscoverCommand implements Callable<Integer> {

    enum Format { text, json, svg }

    @Mixin
    LogOptions logOptions = new LogOptions();

    @Option(names = "--format", defaultValue = "text",
            description = "text, json, or svg (the directly-follows graph as one SVG file; default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N",
            description = "Text output: show the N most frequent variants (default: ${DEFAULT-VALUE}).")
    int top;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        EventLog log;
        try {
            log = logOptions.read();
        } catch (LogFormatException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Baton.INVALID;
        }
        ProcessMap map = Discovery.processMap(log);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Json.write(DiscoveryJson.processMap(map)));
        } else if (format == Format.svg) {
            out.print(ProcessMapSvg.render(map));
            out.flush();
        } else {
            text(map, out);
        }
        return Baton.OK;
    }

    private void text(ProcessMap map, PrintWriter out) {
        out.printf("%s: %d cases, %d events, %d activities, %d variants%n", map.log(), map.cases(), map.events(),
                map.activities().size(), map.variants().size());
        out.println();
        out.println("Directly follows (cases moved, median wait, p90 wait):");
        int width = map.edges().stream().mapToInt(e -> e.from().length() + e.to().length() + 4).max().orElse(0);
        for (ProcessMap.Edge e : map.edges()) {
            out.printf("  %-" + width + "s %8d  %-9s %s%n", e.from() + " -> " + e.to(), e.count(),
                    Text.duration(e.medianWaitMillis()), Text.duration(e.p90WaitMillis()));
        }
        out.println();
        out.println("Start: " + String.join(", ", map.startActivities().stream()
                .map(s -> s.activity() + " (" + s.cases() + ")").toList()));
        out.println("End:   " + String.join(", ", map.endActivities().stream()
                .map(s -> s.activity() + " (" + s.cases() + ")").toList()));
        out.println();
        out.println("Variants (cases, share):");
        map.variants().stream().limit(Math.max(0, top)).forEach(v -> out.printf("  %6d %5.1f%%  %s%n", v.cases(),
                100 * v.share(), String.join(" > ", v.activities())));
        if (map.variants().size() > top) {
            out.printf("  … %d more variants (--top N or --format json for all)%n", map.variants().size() - top);
        }
    }
}
