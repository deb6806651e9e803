package dev.baton.bench.insight;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.baton.model.flow.FlowNet;
import java.util.List;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes a CSV event log of a campaign process for throughput and heap benchmarks: brief, then
 * copy and design in either order, review with rework loops back to copy, an optional legal
 * check, launch, report; some cases skip review, some insert an escalation. Ten events a case on
 * average; deterministic for a seed. Cases are written one after the other.
 */
public final class SyntheticLog {

    private static final String[] PEOPLE = {"maya", "sam", "alex", "zoe", "ben", "ivy", "omar", "ana", "li", "kai",
            "noa", "eli", "mia", "leo", "ada", "ria", "tom", "uma", "jon", "eva"};

    private SyntheticLog() {
    }

    /**
     * The declared flow the generated cases follow, apart from their injected deviations (skipped
     * reviews, escalations the flow does not know): brief, copy and design in parallel, review
     * with rework back to copy, an optional legal check, launch, report, any number of optimise.
     */
    public static FlowNet net() {
        return FlowNet.builder("campaign")
                .transition("brief", "brief", List.of("source"), List.of("p1"))
                .transition("split", null, List.of("p1"), List.of("a1", "b1"))
                .transition("copy", "copy", List.of("a1"), List.of("a2"))
                .transition("design", "design", List.of("b1"), List.of("b2"))
                .transition("join", null, List.of("a2", "b2"), List.of("p2"))
                .transition("review", "review", List.of("p2"), List.of("p3"))
                .transition("rework", null, List.of("p3"), List.of("p4"))
                .transition("copy again", "copy", List.of("p4"), List.of("p2"))
                .transition("legal check", "legal check", List.of("p3"), List.of("p5"))
                .transition("no legal check", null, List.of("p3"), List.of("p5"))
                .transition("launch", "launch", List.of("p5"), List.of("p6"))
                .transition("report", "report", List.of("p6"), List.of("p7"))
                .transition("optimise", "optimise", List.of("p7"), List.of("p7"))
                .transition("done", null, List.of("p7"), List.of("sink"))
                .build("source", "sink");
    }

    /** The number of events a benchmark parameter names: {@code generated-1M.csv} one million, {@code generated-10M.csv} ten. */
    public static long events(String parameter) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([kM])").matcher(parameter);
        if (!m.find()) {
            throw new IllegalArgumentException("expected a size such as 1M or 100k in " + parameter);
        }
        return Long.parseLong(m.group(1)) * (m.group(2).equals("M") ? 1_000_000L : 1_000L);
    }

    /** Writes cases until at least {@code events} events are written; returns the number of events. */
    public static long write(Path csv, long events, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long written = 0;
        long start = Instant.parse("2025-01-06T09:00:00Z").toEpochMilli();
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("case,activity,timestamp,resource,work_type\n");
            for (int c = 0; written < events; c++) {
                String id = "case-" + c;
                long t = start + random.nextLong(90L * 86_400_000L);
                StringBuilder rows = new StringBuilder(1024);
                int n = 0;
                t = row(rows, id, "brief", t, random);
                n++;
                boolean copyFirst = random.nextBoolean();
                t = row(rows, id, copyFirst ? "copy" : "design", t, random);
                t = row(rows, id, copyFirst ? "design" : "copy", t, random);
                n += 2;
                if (random.nextInt(100) < 5) {
                    t = row(rows, id, "escalate", t, random);
                    n++;
                }
                if (random.nextInt(100) >= 8) {
                    t = row(rows, id, "review", t, random);
                    n++;
                    while (random.nextInt(100) < 30) {
                        t = row(rows, id, "copy", t, random);
                        t = row(rows, id, "review", t, random);
                        n += 2;
                    }
                }
                if (random.nextInt(100) < 40) {
                    t = row(rows, id, "legal check", t, random);
                    n++;
                }
                t = row(rows, id, "launch", t, random);
                t = row(rows, id, "report", t, random);
                n += 2;
                while (random.nextInt(100) < 35) {
                    t = row(rows, id, "optimise", t, random);
                    n++;
                }
                out.write(rows.toString());
                written += n;
            }
        }
        return written;
    }

    private static long row(StringBuilder rows, String id, String activity, long t, SplittableRandom random) {
        long next = t + 60_000L * (5 + random.nextInt(3 * 24 * 60));
        rows.append(id).append(',').append(activity).append(',').append(Instant.ofEpochMilli(next)).append(',')
                .append(PEOPLE[random.nextInt(PEOPLE.length)]).append(",campaign\n");
        return next;
    }
}
