package dev.baton.exchange.calendar;

import dev.baton.exchange.calendar.MeetingInstance.Attendance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The same meeting as several calendars show it, made one: instances are keyed by UID and start
 * (the meeting found in five attendees' calendars is one instance with five attendees, so nobody
 * counts it twice); attendees are the union of what each copy lists, and an attendee who declined
 * in any copy declined. A cancellation in any calendar (the organiser's METHOD:CANCEL, a
 * cancelled override, a cancelled series) removes the instance everywhere.
 */
public final class CalendarMerge {

    /** One instance after merging, with the calendars it was found in. */
    public record Merged(MeetingInstance first, Map<String, Attendance> attendees, Attendance organizer,
                         Set<String> calendars) {
    }

    private final Map<MeetingInstance.Key, Merged> instances = new LinkedHashMap<>();
    private final Set<MeetingInstance.Key> cancelled = new HashSet<>();
    private final Set<String> cancelledSeries = new HashSet<>();
    private long copies;

    public void add(CalendarFile.Contents contents) {
        cancelled.addAll(contents.cancelled());
        cancelledSeries.addAll(contents.cancelledSeries());
        for (MeetingInstance i : contents.instances()) {
            copies++;
            Merged m = instances.computeIfAbsent(i.key(), k -> new Merged(i, new LinkedHashMap<>(), i.organizer(),
                    new java.util.TreeSet<>()));
            m.calendars().add(i.calendar());
            for (Attendance a : i.attendees()) {
                String who = a.label();
                if (who == null) {
                    continue;
                }
                Attendance before = m.attendees().get(who);
                if (before == null || a.declined() && !before.declined()) {
                    m.attendees().put(who, a);
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
        List<Merged> out = new ArrayList<>();
        for (Map.Entry<MeetingInstance.Key, Merged> e : instances.entrySet()) {
            if (!cancelled.contains(e.getKey()) && !cancelledSeries.contains(e.getKey().uid())) {
                out.add(e.getValue());
            }
        }
        out.sort((a, b) -> {
            int c = a.first().uid().compareTo(b.first().uid());
            return c != 0 ? c : a.first().start().compareTo(b.first().start());
        });
        return out;
    }

    /** Instances a cancellation removed (counted once each). */
    public long cancelledCount() {
        long n = 0;
        for (MeetingInstance.Key k : instances.keySet()) {
            if (cancelled.contains(k) || cancelledSeries.contains(k.uid())) {
                n++;
            }
        }
        return n;
    }
}
