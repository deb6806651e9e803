package dev.baton.insight.debt.meetings;

import dev.baton.insight.debt.DebtReportJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The meeting load as the report's {@code meetings} key (docs/meetings.md): stable keys, six decimals. */
public final class MeetingLoadJson {

    private MeetingLoadJson() {
    }

    public static Map<String, Object> toMap(MeetingLoad l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peopleWithCalendars", l.peopleWithCalendars());
        m.put("people", l.people());
        m.put("coverage", round(l.coverage()));
        m.put("instances", l.instances());
        m.put("allDay", l.allDay());
        m.put("hours", round(l.hours()));
        m.put("coordinationHours", round(l.coordinationHours()));
        m.put("capacityHours", round(l.capacityHours()));
        m.put("share", round(l.share()));
        m.put("byPerson", rows(l.byPerson()));
        m.put("byFunction", rows(l.byFunction()));
        m.put("byWeek", rows(l.byWeek()));
        m.put("unmatchedAttendees", l.unmatched());
        m.put("linked", l.linked().stream().map(x -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("uid", x.uid());
            o.put("start", x.start());
            o.put("title", x.title());
            o.put("attendees", x.attendees());
            o.put("hours", round(x.hours()));
            o.put("items", x.items());
            return (Object) o;
        }).toList());
        Map<String, Object> tasks = new LinkedHashMap<>();
        tasks.put("meetings", l.tasks().meetings());
        tasks.put("meetingsWithTasks", l.tasks().meetingsWithTasks());
        tasks.put("items", l.tasks().items());
        tasks.put("evidence", l.tasks().evidence().stream().map(t -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("item", t.item());
            o.put("title", t.title());
            o.put("createdBy", t.createdBy());
            o.put("meetingUid", t.meetingUid());
            o.put("meetingTitle", t.meetingTitle());
            o.put("meetingStart", t.meetingStart());
            o.put("minutesAfter", t.minutesAfter());
            return (Object) o;
        }).toList());
        m.put("tasks", tasks);
        return m;
    }

    private static List<Object> rows(List<MeetingLoad.Row> rows) {
        return rows.stream().map(r -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("key", r.key());
            o.put("hours", round(r.hours()));
            o.put("coordinationHours", round(r.coordinationHours()));
            o.put("capacityHours", round(r.capacityHours()));
            o.put("share", round(r.share()));
            return (Object) o;
        }).toList();
    }

    /** Six decimals, the report's one rounding rule. */
    private static double round(double v) {
        return DebtReportJson.round(v);
    }
}
