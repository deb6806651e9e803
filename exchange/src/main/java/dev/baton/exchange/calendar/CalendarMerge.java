package dev.baton.exchange.calendar;

import dev.baton.exchange.calendar.MeetingInstance.Attendance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The same meeting as several calendars show it, made one: instances are keyed by UID and start
 * (the meeting found in five attendees' calendars is one instance with five attendees, so nobody
 * counts it twice); attendees are the union of what each copy lists, and an attendee who declined
 * in any copy declined. A cancellation in any calendar (the organiser's METHOD:CANCEL, a
 * cancelled override, a cancelled series) removes the instance everywhere.
 *
 * <p>Built for a million copies: instances are looked up per series (a file's instances of one
 * series come together, so the series is found once for the run), then by start; each instance
 * keeps its attendees and calendars in small arrays (a meeting has a handful), sorted only when
 * {@link #held()} hands them out.
 */
public final class CalendarMerge {

    /**
     * One instance after merging, with the calendars it was found in (sorted, each once).
     *
     * @param attendees each attendee once, by address (else name), in the order first seen; the
     *                  declined copy where any calendar says they declined
     */
    public record Merged(MeetingInstance first, List<Attendance> attendees, Attendance organizer,
                         List<String> calendars) {
    }

    /** One instance while merging. */
    private static final class Acc {
        final MeetingInstance first;
        Attendance[] attendees = new Attendance[4];
        int attendeeCount;
        String[] calendars = new String[4];
        int calendarCount;

        Acc(MeetingInstance first) {
            this.first = first;
        }

        void calendar(String c) {
            for (int k = 0; k < calendarCount; k++) {
                if (calendars[k].equals(c)) {
                    return;
                }
            }
            if (calendarCount == calendars.length) {
                calendars = Arrays.copyOf(calendars, calendarCount * 2);
            }
            calendars[calendarCount++] = c;
        }

        void attendee(Attendance a, String who) {
            for (int k = 0; k < attendeeCount; k++) {
                Attendance before = attendees[k];
                if (before.label().equals(who)) {
                    if (a.declined() && !before.declined()) {
                        attendees[k] = a;
                    }
                    return;
                }
            }
            if (attendeeCount == attendees.length) {
                attendees = Arrays.copyOf(attendees, attendeeCount * 2);
            }
            attendees[attendeeCount++] = a;
        }

        Merged merged() {
            String[] sorted = Arrays.copyOf(calendars, calendarCount);
            Arrays.sort(sorted);
            return new Merged(first, List.of(Arrays.copyOf(attendees, attendeeCount)), first.organizer(),
                    List.of(sorted));
        }
    }

    private final Map<String, Map<Instant, Acc>> series = new HashMap<>(1 << 12);
    private final Set<MeetingInstance.Key> cancelled = new HashSet<>();
    private final Set<String> cancelledSeries = new HashSet<>();
    private long copies;

    public void add(CalendarFile.Contents contents) {
        cancelled.addAll(contents.cancelled());
        cancelledSeries.addAll(contents.cancelledSeries());
        String lastUid = null;
        Map<Instant, Acc> starts = null;
        for (MeetingInstance i : contents.instances()) {
            copies++;
            if (lastUid == null || !lastUid.equals(i.uid())) {
                lastUid = i.uid();
                starts = series.computeIfAbsent(lastUid, u -> new HashMap<>(4));
            }
            Acc m = starts.get(i.start());
            if (m == null) {
                m = new Acc(i);
                starts.put(i.start(), m);
            }
            m.calendar(i.calendar());
            for (Attendance a : i.attendees()) {
                String who = a.label();
                if (who != null) {
                    m.attendee(a, who);
                }
            }
        }
    }

    /** Instances found, in every calendar together, before merging: what dedupe saved is this minus {@link #held()}'s size. */
    public long copies() {
        return copies;
    }

    /** The instances that were held: merged, without the cancelled ones, by series then start. */
    public List<Merged> held() {
        List<String> uids = new ArrayList<>(series.keySet());
        uids.sort(null);
        List<Merged> out = new ArrayList<>();
        for (String uid : uids) {
            if (cancelledSeries.contains(uid)) {
                continue;
            }
            Map<Instant, Acc> starts = series.get(uid);
            Instant[] sorted = starts.keySet().toArray(new Instant[0]);
            Arrays.sort(sorted);
            for (Instant start : sorted) {
                if (!cancelled.contains(new MeetingInstance.Key(uid, start))) {
                    out.add(starts.get(start).merged());
                }
            }
        }
        return out;
    }

    /** Instances a cancellation removed (counted once each). */
    public long cancelledCount() {
        long n = 0;
        for (Map.Entry<String, Map<Instant, Acc>> e : series.entrySet()) {
            if (cancelledSeries.contains(e.getKey())) {
                n += e.getValue().size();
                continue;
            }
            for (Instant start : e.getValue().keySet()) {
                if (cancelled.contains(new MeetingInstance.Key(e.getKey(), start))) {
                    n++;
                }
            }
        }
        return n;
    }
}
