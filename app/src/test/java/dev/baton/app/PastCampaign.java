package dev.baton.app;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.PendingEvent;
import dev.baton.engine.item.WorkItemEvent.ApprovalGranted;
import dev.baton.engine.item.WorkItemEvent.ApprovalRequested;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.HandoffAccepted;
import dev.baton.engine.item.WorkItemEvent.HandoffRejected;
import dev.baton.engine.item.WorkItemEvent.HandoffSent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign of the demo model whose history ran over the last weeks, written straight into the
 * event log with its real times (the engine's clock is now, so no test could wait for an SLA to run
 * out): its brief review waited three days for Maya's approval (over its 2d SLA), QA sent the
 * build back once, the results handoff was rejected by Dev ("No UTM plan attached") and accepted
 * two days after it was sent again (over its 1d SLA). It stands in Results, the final stage, with
 * its end date long past: completing it is what the tests do.
 */
public final class PastCampaign {

    private PastCampaign() {
    }

    /** The end date the campaign's brief names: 25 days after its start, weeks before today. */
    public static LocalDate endDate(Instant start) {
        return LocalDate.ofInstant(start.plus(Duration.ofDays(25)), ZoneOffset.UTC);
    }

    /** Writes the history of campaign {@code id}, started {@code daysAgo} days ago, under model version 1. */
    public static Instant write(EventStore store, String id, String title, int daysAgo) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(daysAgo));
        Map<String, Object> brief = new LinkedHashMap<>();
        brief.put("campaign-name", title);
        brief.put("objective", "Mid-market pipeline");
        brief.put("segment", "Mid-market SaaS");
        brief.put("primary-metric", "mql-to-sql");
        brief.put("channel-mix", List.of("webinar", "email"));
        brief.put("start-date", LocalDate.ofInstant(start.plus(Duration.ofDays(5)), ZoneOffset.UTC).toString());
        brief.put("end-date", endDate(start).toString());
        brief.put("reach", 4000.0);
        brief.put("impact", 2.0);
        brief.put("confidence", 80.0);
        brief.put("effort", 5.0);
        Map<String, Object> handover = Map.of("primary-metric", "mql-to-sql", "utm-plan", "https://nw.example/utm",
                "budget", 9000.0);
        List<PendingEvent> events = new ArrayList<>();
        add(events, start, 0, "nora.haddad", new ItemCreated(title, "brief", brief, null, null));
        add(events, start, 24, "nora.haddad", new StageEntered("brief", "brief-review", false));
        add(events, start, 25, "nora.haddad", new ApprovalRequested("brief-review", List.of("nora.haddad", "maya.chen")));
        add(events, start, 26, "nora.haddad", new ApprovalGranted("brief-review", "nora.haddad", null));
        add(events, start, 96, "maya.chen", new ApprovalGranted("brief-review", "maya.chen", "Segment is clear now"));
        add(events, start, 97, "jon.ito", new StageEntered("brief-review", "build", false));
        add(events, start, 120, "jon.ito", new FieldsUpdated(Map.of("landing-page", "https://nw.example/webinars",
                "utm-plan", "https://nw.example/utm", "budget", 9000.0)));
        add(events, start, 144, "jon.ito", new StageEntered("build", "qa", false));
        add(events, start, 148, "jon.ito", new StageEntered("qa", "build", true));
        add(events, start, 152, "jon.ito", new StageEntered("build", "qa", false));
        add(events, start, 153, "jon.ito", new ApprovalGranted("qa", "jon.ito", null));
        add(events, start, 154, "jon.ito", new StageEntered("qa", "live", false));
        add(events, start, 480, "jon.ito", new HandoffSent("demand-gen", "ops", "live", "results", handover));
        add(events, start, 482, "dev.patel", new HandoffRejected("live", "results", "No UTM plan attached"));
        add(events, start, 504, "jon.ito", new HandoffSent("demand-gen", "ops", "live", "results", handover));
        add(events, start, 552, "dev.patel", new HandoffAccepted("live", "results"));
        add(events, start, 552, "dev.patel", new StageEntered("live", "results", false));
        store.append(id, 0, null, events);
        return start;
    }

    private static void add(List<PendingEvent> events, Instant start, int hours, String actor, BatonEvent event) {
        events.add(new PendingEvent(start.plus(Duration.ofHours(hours)), actor, "campaign", 1, event));
    }
}
