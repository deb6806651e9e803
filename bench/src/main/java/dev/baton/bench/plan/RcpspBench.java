package dev.baton.bench.plan;

import dev.baton.plan.rcpsp.PsplibFormatException;
import dev.baton.plan.rcpsp.PsplibReader;
import dev.baton.plan.rcpsp.Rcpsp;
import dev.baton.plan.rcpsp.RcpspInstance;
import dev.baton.plan.schedule.Budget;
import dev.baton.plan.schedule.Feasibility;
import dev.baton.plan.schedule.Method;
import dev.baton.plan.schedule.PriorityRule;
import dev.baton.plan.schedule.Scheduling;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bench/run-rcpsp [--data DIR] [--reference DIR] [--sets j30,j60,j90,j120] [--every N]
 * [--time-limit 10s] [--clock wall|cpu] [--iterations N] [--method genetic|timefold|sgs] [--seed S] [--list]}: schedules
 * every PSPLIB instance found under {@code --data} (every N-th of each set in natural order with
 * {@code --every N}) and compares the makespans with the known optimum or best known upper bound
 * (the kobe optimum.csv files in {@code --reference}, default ../shared/datasets/rcpsp), beside two
 * baselines: the serial scheme with the LFT rule, and the best priority rule justified
 * (method sgs). Per set: instances, how many reach the reference, how many are within the issue's
 * target (j30 2 %, j60 and j90 3 %, j120 5 %), mean / median / max deviation
 * from it, and the wall and CPU time per instance. Each schedule is checked by {@link Feasibility};
 * a broken one is counted and printed. Without a time limit each set gets the limit:
 * j30 10 s, j60 and j90 30 s, j120 60 s, on the wall clock, or with {@code --clock cpu} on the
 * searching thread's CPU time (what a dedicated core would give, when the machine is shared and
 * loaded; the load average is printed). Single-threaded.
 */
public final class RcpspBench {

    private static final Map<String, Duration> LIMITS = Map.of("j30", Duration.ofSeconds(10), "j60",
            Duration.ofSeconds(30), "j90", Duration.ofSeconds(30), "j120", Duration.ofSeconds(60));
    /** The targets: deviation from the optimum (j30-j90) or the best known makespan (j120). */
    private static final Map<String, Double> TARGETS = Map.of("j30", 0.02, "j60", 0.03, "j90", 0.03, "j120", 0.05);
    private static final Pattern NAME = Pattern.compile("(j120|j30|j60|j90)(\\d+)_(\\d+)");

    public static void main(String[] args) throws Exception {
        Path root = repoRoot();
        Path data = root.resolve("../shared/datasets/rcpsp").normalize();
        Path reference = data;
        List<String> sets = List.of("j30", "j60", "j90", "j120");
        int every = 1;
        Duration limit = null;
        long iterations = Budget.UNLIMITED;
        Method method = Method.GENETIC;
        long seed = 0;
        boolean list = false;
        boolean cpuClock = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--reference" -> reference = Path.of(args[++i]);
                case "--sets" -> sets = List.of(args[++i].split(","));
                case "--every" -> every = Integer.parseInt(args[++i]);
                case "--time-limit" -> limit = parseDuration(args[++i]);
                case "--iterations" -> iterations = Long.parseLong(args[++i]);
                case "--method" -> method = Method.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--list" -> list = true;
                case "--clock" -> cpuClock = args[++i].equalsIgnoreCase("cpu");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, List<Path>> bySet = instances(data);
        System.out.printf(Locale.ROOT, "RCPSP bench: method %s, seed %d, %s on the %s clock, every %d-th instance, "
                        + "data %s, load average %.1f on %d cores%n", method.name().toLowerCase(Locale.ROOT), seed,
                limit == null ? "issue limits (j30 10 s, j60/j90 30 s, j120 60 s)" : "time limit " + limit,
                cpuClock ? "thread CPU" : "wall", every, data,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        if (iterations != Budget.UNLIMITED) {
            System.out.printf(Locale.ROOT, "schedule limit %,d%n", iterations);
        }
        List<String> table = new ArrayList<>();
        for (String set : sets) {
            List<Path> files = bySet.getOrDefault(set, List.of());
            if (files.isEmpty()) {
                System.out.println(set + ": no instances under " + data);
                continue;
            }
            Map<String, Reference> known = references(reference.resolve(set + "_optimum_kobe.csv"));
            List<Path> chosen = new ArrayList<>();
            for (int i = 0; i < files.size(); i += every) {
                chosen.add(files.get(i));
            }
            Duration setLimit = limit != null ? limit : LIMITS.get(set);
            Budget budget = new Budget(iterations, setLimit, seed);
            table.add(runSet(set, chosen, files.size(), known, method, cpuClock ? budget.onCpuClock() : budget, list));
        }
        System.out.println();
        System.out.println("| set | instances | limit | reached reference | target | mean dev | median dev | max dev | "
                + "LFT-SGS mean / max | rules+FBI mean / max | median wall s | median CPU s | infeasible |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        table.forEach(System.out::println);
    }

    private static String runSet(String set, List<Path> chosen, int total, Map<String, Reference> known,
            Method method, Budget budget, boolean list) throws IOException, PsplibFormatException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> devs = new ArrayList<>();
        List<Double> lftDevs = new ArrayList<>();
        List<Double> rulesDevs = new ArrayList<>();
        List<Double> walls = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        int reached = 0;
        int withinTarget = 0;
        double targetGap = TARGETS.getOrDefault(set, 0.0);
        int infeasible = 0;
        int atBound = 0;
        for (Path file : chosen) {
            RcpspInstance instance = PsplibReader.read(file);
            Reference ref = known.get(file.getFileName().toString());
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Rcpsp.Solution s = Rcpsp.solve(instance, method, budget);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            int lft = Scheduling.priorityRule(instance.project(), PriorityRule.LFT, false).makespan();
            int rules = Scheduling.solve(instance.project(), Method.SGS, budget).makespan();
            if (!s.check().feasible()) {
                infeasible++;
                System.out.println("INFEASIBLE " + instance.name() + ": " + s.check().summary());
            }
            if (s.result().reachedBound()) {
                atBound++;
            }
            int target = ref == null ? s.lowerBound() : ref.upper;
            double dev = (s.makespan() - target) / (double) target;
            devs.add(dev);
            lftDevs.add((lft - target) / (double) target);
            rulesDevs.add((rules - target) / (double) target);
            walls.add(wall);
            cpus.add(cpu);
            if (s.makespan() <= target) {
                reached++;
            }
            if (dev <= targetGap + 1e-9) {
                withinTarget++;
            }
            if (ref != null && s.makespan() < ref.lower) {
                System.out.println("BELOW THE KNOWN LOWER BOUND " + instance.name() + ": " + s.makespan() + " < "
                        + ref.lower);
                infeasible++;
            }
            if (list) {
                System.out.printf(Locale.ROOT, "%-10s makespan %4d  reference %-9s lb %4d  dev %5.2f%%  LFT %4d  "
                                + "rules+FBI %4d  %6.2f s  %,d schedules%s%n", instance.name(), s.makespan(),
                        ref == null ? "?" : ref.text, s.lowerBound(), 100 * dev, lft, rules, wall,
                        s.result().schedules(), s.result().reachedBound() ? "  (= lower bound)" : "");
            }
        }
        String line = String.format(Locale.ROOT, "| %s | %d of %d | %s | %d (%d at our bound) | %d within %.0f%% | %.2f%% | %.2f%% | "
                        + "%.2f%% | %.2f%% / %.2f%% | %.2f%% / %.2f%% | %.2f | %.2f | %d |", set, chosen.size(), total,
                budget.schedules() != Budget.UNLIMITED ? String.format(Locale.ROOT, "%,d schedules", budget.schedules())
                        : budget.timeLimit().toSeconds() + " s",
                reached, atBound, withinTarget, 100 * targetGap, 100 * mean(devs), 100 * median(devs), 100 * max(devs), 100 * mean(lftDevs),
                100 * max(lftDevs), 100 * mean(rulesDevs), 100 * max(rulesDevs), median(walls), median(cpus),
                infeasible);
        System.out.println(line);
        return line;
    }

    /** "43" (optimum), "104..105" (lower..upper), "..105" (upper only). */
    private record Reference(String text, int lower, int upper) {
    }

    private static Map<String, Reference> references(Path csv) throws IOException {
        Map<String, Reference> refs = new HashMap<>();
        if (!Files.exists(csv)) {
            System.out.println("no reference file " + csv + ": deviations are from our lower bound");
            return refs;
        }
        for (String line : Files.readAllLines(csv)) {
            String[] f = line.split(",");
            if (f.length < 2 || !f[0].endsWith(".sm")) {
                continue;
            }
            String v = f[1].strip();
            int dots = v.indexOf("..");
            int upper = Integer.parseInt(dots >= 0 ? v.substring(dots + 2) : v);
            int lower = dots > 0 ? Integer.parseInt(v.substring(0, dots)) : dots == 0 ? 0 : upper;
            refs.put(f[0].strip(), new Reference(v, lower, upper));
        }
        return refs;
    }

    /** Every .sm file under {@code dir}, grouped by set and in natural order (j301_1, j301_2, …, j3010_1). */
    private static Map<String, List<Path>> instances(Path dir) throws IOException {
        Map<String, List<Path>> bySet = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sm")).toList()) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.lookingAt()) {
                    bySet.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(f);
                }
            }
        }
        Comparator<Path> natural = Comparator.comparingInt((Path p) -> group(p, 2)).thenComparingInt(p -> group(p, 3));
        bySet.values().forEach(l -> l.sort(natural));
        return bySet;
    }

    private static int group(Path p, int g) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        m.lookingAt();
        return Integer.parseInt(m.group(g));
    }

    private static Duration parseDuration(String s) {
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        if (s.endsWith("s")) {
            return Duration.ofMillis((long) (Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
        }
        if (s.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)) * 60);
        }
        return Duration.ofSeconds(Long.parseLong(s));
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length == 0 ? 0 : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(".ci"))) {
            p = p.getParent();
        }
        return p == null ? Path.of("").toAbsolutePath() : p;
    }
}
