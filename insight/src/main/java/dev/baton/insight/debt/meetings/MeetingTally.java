package dev.baton.insight.debt.meetings;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.meeting.MeetingEvent.MeetingHeld;
import dev.baton.insight.debt.CostAssumptions;
import dev.baton.insight.debt.Weeks;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a log's meetings and item creations, in any order, into the {@link MeetingLoad}. Holds
 * hours per person and week (two numbers each), the few meetings that may name an item, and the
 * meetings the task rule looks back to: not the instances themselves, so a year of calendars for
 * hundreds of people fits in a small heap.
 */
public final class MeetingTally {

    /** How an item id looks where a meeting names it: {@code item-7}, {@code UT-27}, {@code MKT-104}. */
    private static final Pattern ITEM_ID = Pattern.compile("(?<![\\w-])[A-Za-z][A-Za-z0-9_]*-\\d+(?![\\w-])");
    private static final int MAX_EVIDENCE = 25;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private final OperatingModel model;
    private final MeetingRules rules;
    /** Per person, per epoch week index (Monday-based): hours and coordination hours. */
    private final Map<String, Map<Long, double[]>> personWeeks = new HashMap<>();
    private final Map<String, Long> unmatched = new TreeMap<>();
    private final List<Candidate> namingItems = new ArrayList<>();
    private final Map<String, List<Held>> heldBy = new HashMap<>();
    private final List<Created> created = new ArrayList<>();
    private final Set<String> items = new HashSet<>();
    /** The ids meetings name, once every meeting is known ({@link #acceptAfterMeetings}). */
    private Set<String> named;
    private final Set<String> people = new HashSet<>();
    private final Map<String, Integer> kinds = new HashMap<>();
    private final Map<String, List<String>> titleIds = new HashMap<>();
    private static final int COORDINATION = 1;
    private static final int COORDINATION_RECURRING = 2;
    private static final int ROUTINE = 4;
    private long instances;
    private long allDay;
    private long taskMeetings;

    /** A meeting that names something shaped like an item id. */
    private record Candidate(String uid, Instant start, String title, List<String> attendees, double hours,
                             List<String> ids) {
    }

    /** A meeting the task rule can attribute items to, as one attendee saw it. */
    private record Held(String uid, String title, long endMillis, Instant start) {
    }

    private record Created(String item, String title, String text, String actor, long atMillis) {
    }

    public MeetingTally(OperatingModel model, MeetingRules rules) {
        this.model = model;
        this.rules = rules;
        for (Person p : model.people()) {
            people.add(p.id());
        }
    }

    public void accept(RecordedEvent e) {
        if (e.event() instanceof MeetingHeld m) {
            meeting(e, m);
        } else if (e.event() instanceof ItemCreated c) {
            items.add(e.stream());
            StringBuilder text = new StringBuilder(c.title() == null ? "" : c.title());
            if (c.fields() != null) {
                c.fields().values().forEach(v -> text.append('\n').append(v));
            }
            created.add(new Created(e.stream(), c.title(), text.toString().toLowerCase(Locale.ROOT), e.actor(),
                    e.at().toEpochMilli()));
        }
    }

    /**
     * Takes an item's creation once every meeting of the log has been taken (a log read in two
     * passes, docs/debt.md, Scale): keeps only what a meeting can be matched with — the items some
     * meeting names and those created by someone who attended a meeting — so that a log without
     * meetings keeps nothing per item. The tasks and links found are those of {@link #accept}.
     */
    public void acceptAfterMeetings(RecordedEvent e) {
        if (!(e.event() instanceof ItemCreated) || instances == 0) {
            return;
        }
        if (named == null) {
            named = new HashSet<>();
            namingItems.forEach(c -> named.addAll(c.ids()));
        }
        if (named.contains(e.stream())) {
            items.add(e.stream());
        }
        if (heldBy.containsKey(e.actor())) {
            accept(e);
            if (!named.contains(e.stream())) {
                items.remove(e.stream());
            }
        }
    }

    /**
     * The item creations {@link #acceptAfterMeetings} would keep, once every meeting is taken: where
     * a log is read apart (a Spark executor), only those need to reach this tally.
     */
    public Wanted wantedAfterMeetings() {
        if (instances == 0) {
            return new Wanted(Set.of(), Set.of());
        }
        Set<String> ids = new HashSet<>();
        namingItems.forEach(c -> ids.addAll(c.ids()));
        return new Wanted(ids, new HashSet<>(heldBy.keySet()));
    }

    /** Item creations a meeting may be matched with: the items meetings name, or created by someone who attended one. */
    public record Wanted(Set<String> items, Set<String> creators) implements java.io.Serializable {

        public boolean test(RecordedEvent e) {
            return e.event() instanceof ItemCreated && (items.contains(e.stream()) || creators.contains(e.actor()));
        }
    }

    private void meeting(RecordedEvent e, MeetingHeld m) {
        if (m.allDay()) {
            allDay++;
            return;
        }
        instances++;
        long start = e.at().toEpochMilli();
        long end = Math.max(start, epochMillis(m.end()));
        double hours = (end - start) / MILLIS_PER_HOUR;
        int kind = kind(m.title());
        boolean coordination = (kind & (m.recurring() ? COORDINATION_RECURRING : COORDINATION)) != 0;
        long week = Math.floorDiv(Math.floorDiv(start, 86_400_000L) + 3, 7);
        for (String who : m.attendees()) {
            if (!people.contains(who)) {
                unmatched.merge(who, 1L, Long::sum);
                continue;
            }
            double[] cell = personWeeks.computeIfAbsent(who, p -> new HashMap<>()).computeIfAbsent(week, w -> new double[2]);
            cell[0] += hours;
            if (coordination) {
                cell[1] += hours;
            }
        }
        // The title's ids, then the description's: a newline ends a match as the text's end does.
        List<String> ids = titleIds.computeIfAbsent(m.title() == null ? "null" : m.title(), MeetingTally::ids);
        if (m.description() == null || !m.description().isEmpty()) {
            List<String> more = ids(String.valueOf(m.description()));
            if (!more.isEmpty()) {
                ids = new ArrayList<>(ids);
                ids.addAll(more);
            }
        }
        if (!ids.isEmpty()) {
            namingItems.add(new Candidate(m.uid(), e.at(), m.title(), m.attendees(), hours, ids));
        }
        if (rules.routineGeneratesTasks() || (kind & ROUTINE) == 0) {
            taskMeetings++;
            Held held = new Held(m.uid(), m.title(), end, e.at());
            for (String who : m.attendees()) {
                heldBy.computeIfAbsent(who, p -> new ArrayList<>()).add(held);
            }
        }
    }

    /** How the rules class a title (bits), asked once per title: titles repeat a million times. */
    private int kind(String title) {
        Integer known = kinds.get(title);
        if (known == null) {
            known = (rules.isCoordination(title, false) ? COORDINATION : 0)
                    | (rules.isCoordination(title, true) ? COORDINATION_RECURRING : 0)
                    | (rules.isRoutine(title) ? ROUTINE : 0);
            kinds.put(title, known);
        }
        return known;
    }

    /** An instant as {@link Instant#toString} writes whole seconds, read without the parser; any other form by it. */
    static long epochMillis(String s) {
        if (s.length() == 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && s.charAt(19) == 'Z') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth() && hour >= 0 && hour <= 23
                    && minute >= 0 && minute <= 59 && second >= 0 && second <= 59) {
                long days = java.time.LocalDate.of(year, month, day).toEpochDay();
                return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L;
            }
        }
        return Instant.parse(s).toEpochMilli();
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static List<String> ids(String text) {
        List<String> out = new ArrayList<>();
        Matcher matcher = ITEM_ID.matcher(text);
        while (matcher.find()) {
            out.add(matcher.group());
        }
        return out;
    }

    public MeetingLoad finish() {
        if (instances == 0 && allDay == 0) {
            return MeetingLoad.NONE;
        }
        Map<String, Double> capacity = new HashMap<>();
        Map<String, String> function = new HashMap<>();
        for (Person p : model.people()) {
            capacity.put(p.id(), p.capacity() == null ? CostAssumptions.DEFAULT_CAPACITY_HOURS : p.capacity().hoursPerWeek());
            function.put(p.id(), p.function() == null ? "(no function)" : p.function());
        }
        // Each person's capacity counts the weeks their own calendar spans (first to last meeting week):
        // calendars imported from different years would otherwise dilute every share towards 0 %.
        Map<String, long[]> span = new HashMap<>();
        personWeeks.forEach((who, weeks) -> span.put(who, new long[]{
                weeks.keySet().stream().mapToLong(Long::longValue).min().orElse(0),
                weeks.keySet().stream().mapToLong(Long::longValue).max().orElse(-1)}));
        Map<String, double[]> byPerson = new TreeMap<>();
        Map<String, double[]> byFunction = new TreeMap<>();
        Map<Long, double[]> byWeekNumber = new TreeMap<>();
        double hours = 0;
        double coordination = 0;
        double capacityHours = 0;
        for (var person : personWeeks.entrySet()) {
            String who = person.getKey();
            double weekly = capacity.get(who);
            long[] own = span.get(who);
            double personCapacity = weekly * (own[1] - own[0] + 1);
            double[] p = byPerson.computeIfAbsent(who, k -> new double[3]);
            p[2] = personCapacity;
            byFunction.computeIfAbsent(function.get(who), k -> new double[3])[2] += personCapacity;
            capacityHours += personCapacity;
            for (var cell : person.getValue().entrySet()) {
                double[] v = cell.getValue();
                add(p, v);
                add(byFunction.get(function.get(who)), v);
                add(byWeekNumber.computeIfAbsent(cell.getKey(), k -> new double[3]), v);
                hours += v[0];
                coordination += v[1];
            }
        }
        // A week's capacity is that of everyone whose calendar spans it, whether or not they met that week.
        byWeekNumber.forEach((week, w) -> span.forEach((who, own) -> {
            if (own[0] <= week && week <= own[1]) {
                w[2] += capacity.get(who);
            }
        }));
        Map<String, double[]> byWeek = new TreeMap<>();
        byWeekNumber.forEach((week, w) -> byWeek.put(Weeks.of(week * 7 - 3), w));
        long withCalendars = personWeeks.size();
        long declared = model.people().size();
        return new MeetingLoad(withCalendars, declared, declared == 0 ? 0 : (double) withCalendars / declared,
                instances, allDay, hours, coordination, capacityHours, share(coordination, capacityHours),
                rows(byPerson), rows(byFunction), rows(byWeek), unmatched, linked(), tasks());
    }

    private static void add(double[] into, double[] cell) {
        into[0] += cell[0];
        into[1] += cell[1];
    }

    private static double share(double part, double whole) {
        return whole <= 0 ? 0 : part / whole;
    }

    private static List<MeetingLoad.Row> rows(Map<String, double[]> groups) {
        List<MeetingLoad.Row> out = new ArrayList<>();
        groups.forEach((k, v) -> out.add(new MeetingLoad.Row(k, v[0], v[1], v[2], share(v[1], v[2]))));
        return out;
    }

    /** Meetings naming an item the log holds; the most hours first. */
    private List<MeetingLoad.LinkedMeeting> linked() {
        List<MeetingLoad.LinkedMeeting> out = new ArrayList<>();
        for (Candidate c : namingItems) {
            List<String> named = c.ids().stream().filter(items::contains).distinct().toList();
            if (!named.isEmpty()) {
                out.add(new MeetingLoad.LinkedMeeting(c.uid(), c.start().toString(), c.title(), c.attendees(),
                        c.hours(), named));
            }
        }
        out.sort(Comparator.comparing(MeetingLoad.LinkedMeeting::start).thenComparing(MeetingLoad.LinkedMeeting::uid));
        return out;
    }

    /**
     * The rule of "meetings that generate tasks": an item created (not moved) by an attendee within
     * the window after the meeting ended, whose title or fields name the meeting (its UID, or its
     * title when that is at least five characters). The latest such meeting before the item wins.
     */
    private MeetingLoad.TaskSummary tasks() {
        long window = rules.taskWindow().toMillis();
        List<MeetingLoad.GeneratedTask> found = new ArrayList<>();
        Set<String> meetingsWithTasks = new HashSet<>();
        created.sort(Comparator.comparingLong(Created::atMillis).thenComparing(Created::item));
        for (Created item : created) {
            Held best = null;
            for (Held h : heldBy.getOrDefault(item.actor(), List.of())) {
                boolean inWindow = h.endMillis() <= item.atMillis() && item.atMillis() - h.endMillis() <= window;
                if (inWindow && names(item.text(), h) && (best == null || h.endMillis() > best.endMillis())) {
                    best = h;
                }
            }
            if (best != null) {
                meetingsWithTasks.add(best.uid() + "@" + best.start());
                found.add(new MeetingLoad.GeneratedTask(item.item(), item.title(), item.actor(), best.uid(), best.title(),
                        best.start().toString(), (item.atMillis() - best.endMillis()) / 60_000));
            }
        }
        return new MeetingLoad.TaskSummary(taskMeetings, meetingsWithTasks.size(), found.size(),
                found.subList(0, Math.min(MAX_EVIDENCE, found.size())));
    }

    private static boolean names(String itemText, Held h) {
        if (itemText.contains(h.uid().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String title = h.title() == null ? "" : h.title().trim().toLowerCase(Locale.ROOT);
        return title.length() >= 5 && itemText.contains(title);
    }
}
