package dev.baton.insight.tools;

import dev.baton.insight.tools.ToolSwitching.Integration;
import dev.baton.insight.tools.ToolSwitching.PersonDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Switches per person and day: a person's actions of one day (UTC) in time order, and every two
 * consecutive ones in different systems are a switch. Each switch is also counted for its pair of
 * systems, since an integration between the two would have spared it.
 */
final class Switches {

    private static final long DAY = 86_400_000L;

    private final List<String> sources;
    private final List<PersonDay> days = new ArrayList<>();
    private final Map<String, Pair> pairs = new TreeMap<>();
    private long personDays;
    private long multiToolDays;
    private long total;

    Switches(List<String> sources) {
        this.sources = sources;
    }

    private static final class Pair {
        long switches;
        final Set<String> personDays = new HashSet<>();
        final Set<String> people = new TreeSet<>();
    }

    void person(String person, ToolUse.Actions a) {
        Integer[] order = a.inTimeOrder();
        int start = 0;
        while (start < order.length) {
            long day = Math.floorDiv(a.at[order[start]], DAY);
            int end = start;
            while (end < order.length && Math.floorDiv(a.at[order[end]], DAY) == day) {
                end++;
            }
            day(person, LocalDate.ofEpochDay(day).toString(), a, order, start, end);
            start = end;
        }
    }

    private void day(String person, String day, ToolUse.Actions a, Integer[] order, int start, int end) {
        personDays++;
        Set<String> systems = new TreeSet<>();
        List<Long> positions = new ArrayList<>();
        StringBuilder sequence = new StringBuilder();
        int switches = 0;
        int run = 0;
        int previous = -1;
        for (int i = start; i < end; i++) {
            int source = a.source[order[i]];
            systems.add(sources.get(source));
            if (previous >= 0 && source != previous) {
                switches++;
                String[] pair = {sources.get(previous), sources.get(source)};
                java.util.Arrays.sort(pair);
                Pair p = pairs.computeIfAbsent(pair[0] + "\u0000" + pair[1], k -> new Pair());
                p.switches++;
                p.personDays.add(person + "\u0000" + day);
                p.people.add(person);
                positions.add(a.position[order[i - 1]]);
                positions.add(a.position[order[i]]);
                sequence.append(run(sources.get(previous), run)).append(" → ");
                run = 0;
            }
            run++;
            previous = source;
        }
        sequence.append(run(sources.get(previous), run));
        total += switches;
        if (systems.size() > 1) {
            multiToolDays++;
        }
        if (switches > 0) {
            days.add(new PersonDay(person, day, List.copyOf(systems), switches, sequence.toString(),
                    positions.stream().distinct().toList()));
        }
    }

    private static String run(String source, int count) {
        return count > 1 ? source + " ×" + count : source;
    }

    /** Days a person acted in one system only: each a person-day, none a switch. */
    void oneSystemDays(long count) {
        personDays += count;
    }

    long personDays() {
        return personDays;
    }

    long multiToolDays() {
        return multiToolDays;
    }

    long total() {
        return total;
    }

    /** The days with the most switches, then the earliest, then by person. */
    List<PersonDay> busiest(int limit) {
        return days.stream().sorted(Comparator.comparingInt(PersonDay::switches).reversed()
                .thenComparing(PersonDay::day).thenComparing(PersonDay::person)).limit(limit).toList();
    }

    /** System pairs by the switches between them, most first. */
    List<Integration> integrations() {
        List<Integration> all = new ArrayList<>();
        pairs.forEach((key, p) -> {
            String[] names = key.split("\u0000");
            all.add(new Integration(names[0], names[1], p.switches, p.personDays.size(), List.copyOf(p.people)));
        });
        all.sort(Comparator.comparingLong(Integration::switches).reversed()
                .thenComparing(Comparator.comparingLong(Integration::personDays).reversed())
                .thenComparing(Integration::between).thenComparing(Integration::and));
        return all;
    }
}
