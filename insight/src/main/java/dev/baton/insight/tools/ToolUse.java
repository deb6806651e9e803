package dev.baton.insight.tools;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.event.SourceSystem;
import dev.baton.engine.intake.IntakeEvent;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.ItemMigrated;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.insight.tools.ToolSwitching.Identity;
import dev.baton.insight.tools.ToolSwitching.SourceUse;
import dev.baton.insight.tools.ToolSwitching.StageTools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a log once, in any order of cases, and measures tool switching ({@link ToolSwitching}):
 * who acted in which system when, which systems carry each stage, and which stage was entered in
 * two systems for one piece of work. Each event is an action in the system it was recorded in
 * ({@link SourceSystem}) by the person its actor is matched to ({@link PeopleAcrossTools}).
 *
 * <p>A log split by case (Spark partitions, buckets) can be read by one tool use per part, each
 * {@link #forgetItems forgetting its items} once read, and the parts {@link #merge merged} into
 * the tool use of the whole: a person's actions are ordered by time and log position whatever
 * part held them, and the rest are sums and unions.
 */
public final class ToolUse implements Consumer<RecordedEvent>, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Person-days, duplicates and identities listed as evidence. */
    public static final int SHOWN = 25;
    /**
     * Two systems recording the same stage of one piece of work within this long of each other
     * are bookkeeping the same thing twice; further apart, it is more likely the work went round
     * again.
     */
    public static final Duration SAME_STAGE_WINDOW = Duration.ofDays(2);

    private static final Pattern TOKENS = Pattern.compile("[\\s,;()\\[\\]{}\"'<>|]+");
    private static final Pattern ID_LIKE = Pattern.compile(".*[0-9#].*");

    /** Not sent with a part ({@link #merge}): the tool use that takes the parts in has its own. */
    private final transient PeopleAcrossTools people;
    /** source → tool user → events. */
    private final Map<String, Map<String, long[]>> users = new TreeMap<>();
    /** person → their actions in log order. */
    private final Map<String, Actions> actions = new HashMap<>();
    private final Map<String, Integer> sourceIndex = new HashMap<>();
    private final List<String> sourceNames = new ArrayList<>();
    private final Map<String, String> stageOf = new HashMap<>();
    /** stage → source → events. */
    private final Map<String, Map<String, Long>> stageSources = new TreeMap<>();
    private final StageEntries entries = new StageEntries(SAME_STAGE_WINDOW);
    private long total;
    private long matched;

    /**
     * Whether every event comes from one system: then there is no switch and no duplicated
     * tracking to find, and a person's actions count only by the days they fall on.
     */
    private final boolean oneSource;
    /** With one source: person → the epoch days they acted. */
    private final Map<String, java.util.Set<Long>> daysOf = new HashMap<>();

    public ToolUse(PeopleAcrossTools people) {
        this(people, false);
    }

    private ToolUse(PeopleAcrossTools people, boolean oneSource) {
        this.people = people;
        this.oneSource = oneSource;
    }

    /**
     * Tool use of a log known (from a first pass) to come from one system only: the same result,
     * keeping per person only the days they acted rather than every action, and nothing per item
     * beyond its current stage ({@link #forgetItems}).
     */
    public static ToolUse ofOneSource(PeopleAcrossTools people) {
        return new ToolUse(people, true);
    }

    /**
     * Forgets what is kept per item (its current stage) once all of its events were read — for a
     * log read case by case; with several sources the items' stage entries stay, to be matched
     * across systems.
     */
    public void forgetItems() {
        stageOf.clear();
    }

    /** The system an event that tool use reads was recorded in, or null for one it does not read. */
    public static String systemOf(RecordedEvent e) {
        return systemOf(e.event().getClass(), e.eventId());
    }

    /** {@link #systemOf} by the event's type and id alone (a log read without its payloads). */
    public static String systemOf(Class<?> type, String eventId) {
        return WorkItemEvent.class.isAssignableFrom(type) || IntakeEvent.class.isAssignableFrom(type)
                ? SourceSystem.ofId(eventId) : null;
    }

    @Override
    public void accept(RecordedEvent e) {
        String source = systemOf(e);
        if (source == null) {
            return;
        }
        String stage = stageAfter(e);
        if (stage != null) {
            stageSources.computeIfAbsent(stage, k -> new TreeMap<>()).merge(source, 1L, Long::sum);
        }
        if (!oneSource) {
            entries.accept(e, source);
        }
        String actor = e.actor();
        if (actor == null || actor.isBlank() || (SourceSystem.BATON.equals(actor) && SourceSystem.BATON.equals(source))) {
            // Baton's own bookkeeping (a migration, a clock) is nobody's action in a tool.
            return;
        }
        total++;
        users.computeIfAbsent(source, k -> new TreeMap<>()).computeIfAbsent(actor, k -> new long[1])[0]++;
        PersonMatch match = people.match(actor);
        if (match.matched()) {
            matched++;
            int index = sourceIndex.computeIfAbsent(source, s -> {
                sourceNames.add(s);
                return sourceNames.size() - 1;
            });
            if (oneSource) {
                daysOf.computeIfAbsent(match.person(), k -> new java.util.HashSet<>())
                        .add(Math.floorDiv(e.at().toEpochMilli(), 86_400_000L));
            } else {
                actions.computeIfAbsent(match.person(), k -> new Actions()).add(e.at().toEpochMilli(), index, e.position());
            }
        }
    }

    /** The item's stage once the event has happened, when known. */
    private String stageAfter(RecordedEvent e) {
        Object event = e.event();
        String stage = null;
        if (event instanceof ItemCreated c) {
            stage = c.stage();
        } else if (event instanceof StageEntered s) {
            stage = s.to();
        } else if (event instanceof ItemReopened r) {
            stage = r.stage();
        } else if (event instanceof ItemMigrated m) {
            stage = m.toStage();
        }
        if (stage != null) {
            stageOf.put(e.stream(), stage);
            return stage;
        }
        return stageOf.get(e.stream());
    }

    /**
     * Adds the tool use of other cases of the same log, read with the same {@link #ofOneSource}
     * choice, into this one (which keeps its own people); the order of merges does not change
     * {@link #result}.
     */
    public ToolUse merge(ToolUse other) {
        if (oneSource != other.oneSource) {
            throw new IllegalArgumentException("merge tool use read the same way: with one source or with several");
        }
        other.users.forEach((source, byUser) -> {
            Map<String, long[]> into = users.computeIfAbsent(source, k -> new TreeMap<>());
            byUser.forEach((user, count) -> into.computeIfAbsent(user, k -> new long[1])[0] += count[0]);
        });
        int[] index = new int[other.sourceNames.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = sourceIndex.computeIfAbsent(other.sourceNames.get(i), s -> {
                sourceNames.add(s);
                return sourceNames.size() - 1;
            });
        }
        other.actions.forEach((person, theirs) -> {
            Actions mine = actions.computeIfAbsent(person, k -> new Actions());
            for (int i = 0; i < theirs.size; i++) {
                mine.add(theirs.at[i], index[theirs.source[i]], theirs.position[i]);
            }
        });
        other.daysOf.forEach((person, days) -> daysOf.computeIfAbsent(person, k -> new java.util.HashSet<>()).addAll(days));
        other.stageSources.forEach((stage, bySource) -> {
            Map<String, Long> into = stageSources.computeIfAbsent(stage, k -> new TreeMap<>());
            bySource.forEach((source, n) -> into.merge(source, n, Long::sum));
        });
        stageOf.putAll(other.stageOf);
        entries.merge(other.entries);
        total += other.total;
        matched += other.matched;
        return this;
    }

    /** The measure, once every event has been read. */
    public ToolSwitching result() {
        Switches switches = new Switches(sourceNames);
        actions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(a -> switches.person(a.getKey(), a.getValue()));
        daysOf.values().forEach(days -> switches.oneSystemDays(days.size()));
        List<Identity> identities = identities();
        List<SourceUse> sources = new ArrayList<>();
        users.forEach((source, byUser) -> {
            long events = byUser.values().stream().mapToLong(c -> c[0]).sum();
            long ofPeople = identities.stream().filter(i -> i.source().equals(source) && i.person() != null)
                    .mapToLong(Identity::events).sum();
            sources.add(new SourceUse(source, events, ofPeople, byUser.size()));
        });
        List<StageTools> stages = new ArrayList<>();
        stageSources.forEach((stage, bySource) -> {
            Map<String, Long> ordered = new LinkedHashMap<>();
            bySource.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).forEach(x -> ordered.put(x.getKey(), x.getValue()));
            stages.add(new StageTools(stage, bySource.values().stream().mapToLong(Long::longValue).sum(), ordered));
        });
        StageEntries.Found duplicates = entries.duplicates(SHOWN);
        return new ToolSwitching(sources, identities, total, matched, switches.personDays(), switches.multiToolDays(),
                switches.total(), switches.busiest(SHOWN), stages, duplicates.shown(), duplicates.total(),
                switches.integrations(), Words.summary(sources.size(), total, matched, switches, duplicates.total()));
    }

    private List<Identity> identities() {
        List<Identity> all = new ArrayList<>();
        users.forEach((source, byUser) -> byUser.forEach((user, count) -> {
            PersonMatch m = people.match(user);
            all.add(new Identity(source, user, count[0], m.person(), m.how().id(), m.candidates()));
        }));
        all.sort(Comparator.comparing(Identity::source).thenComparing(Comparator.comparingLong(Identity::events).reversed())
                .thenComparing(Identity::user));
        return all;
    }

    /** Words that may name another item: ids have digits or a '#' ({@code UT-12}, {@code acme/site#5}). */
    static List<String> idLike(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (String token : TOKENS.split(text)) {
            String t = token.replaceAll("[.:!?]+$", "");
            if (!t.isEmpty() && ID_LIKE.matcher(t).matches()) {
                found.add(t);
            }
        }
        return found;
    }

    /** The text values of a field change, for the ids they may name. */
    static List<String> idLike(FieldsUpdated f) {
        List<String> found = new ArrayList<>();
        f.changes().values().forEach(v -> {
            if (v instanceof String s) {
                found.addAll(idLike(s));
            }
        });
        return found;
    }

    /** One person's actions: when, in which system, at which position of the log. */
    static final class Actions implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        long[] at = new long[8];
        int[] source = new int[8];
        long[] position = new long[8];
        int size;

        void add(long millis, int sourceIndex, long pos) {
            if (size == at.length) {
                at = java.util.Arrays.copyOf(at, size * 2);
                source = java.util.Arrays.copyOf(source, size * 2);
                position = java.util.Arrays.copyOf(position, size * 2);
            }
            at[size] = millis;
            source[size] = sourceIndex;
            position[size] = pos;
            size++;
        }

        /** The indexes in time order (log position breaks ties). */
        Integer[] inTimeOrder() {
            Integer[] order = new Integer[size];
            boolean sorted = true;
            for (int i = 0; i < size; i++) {
                order[i] = i;
                sorted &= i == 0 || at[i - 1] < at[i] || at[i - 1] == at[i] && position[i - 1] <= position[i];
            }
            if (sorted) {
                // A log written as it happened needs no sort (a person's actions of millions of events).
                return order;
            }
            java.util.Arrays.sort(order, (a, b) -> at[a] != at[b] ? Long.compare(at[a], at[b])
                    : Long.compare(position[a], position[b]));
            return order;
        }
    }
}
