package dev.baton.app.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import dev.baton.engine.item.WorkItemEvent.HandoffSent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who is told (docs/notifications.md): a handoff tells everyone of the receiving function; an SLA
 * about to breach tells the item's owner, else whoever holds the stage's owner, else its driver;
 * nobody is told of their own action.
 */
class WhoMustActTest {

    static final String MODEL = """
            apiVersion: baton/v1
            name: Notified team
            functions:
              - { id: content, name: Content }
              - { id: design, name: Design }
            people:
              - { id: ana, name: Ana Ruiz, function: content }
              - { id: ben, name: Ben Ito, function: content }
              - { id: cleo, name: Cleo Park, function: design }
              - { id: dan, name: Dan Moss, function: design }
            components:
              - { id: audience, owner: ana }
              - { id: content, owner: ana }
              - { id: messaging, owner: ana }
              - { id: channels, owner: cleo }
              - { id: data, owner: cleo }
              - { id: reporting, owner: cleo }
              - { id: instrumentation, owner: cleo }
            metrics:
              - { id: pages, name: Pages, unit: pages per week, definition: Pages live per week, target: 2 }
            work-types:
              - id: page
                name: Page
                success: [pages]
                stages:
                  - { id: draft, kind: making, owner: content, sla: 2d, decision: { driver: ben, approver: ana } }
                  - { id: layout, kind: making, sla: 2d, decision: { driver: dan, approver: cleo } }
                  - { id: live, kind: making, owner: design, decision: { driver: cleo, approver: cleo } }
            handoffs:
              - { work-type: page, from: content, to: design, at: draft -> layout, requires: [] }
            """;

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static OperatingModel model() {
        ValidationReport report = ModelValidation.validate("notified.yaml", MODEL);
        assertThat(report.errors()).isEmpty();
        return report.model();
    }

    static RecordedEvent event(long version, String actor, Instant at, BatonEvent payload) {
        return new RecordedEvent(version, "page-1", version, at, actor, "page", 1, null, payload);
    }

    static WorkItem item(String stage, String owner) {
        List<RecordedEvent> events = new ArrayList<>();
        events.add(event(1, "ben", T0, new ItemCreated("Pricing page", stage, Map.of(), null, null)));
        if (owner != null) {
            events.add(event(2, "ben", T0, new OwnerAssigned(owner, null)));
        }
        return WorkItem.replay(events);
    }

    @Test
    void aHandoffTellsEveryoneOfTheReceivingFunctionButItsSender() {
        RecordedEvent sent = event(2, "cleo", T0, new HandoffSent("content", "design", "draft", "layout", Map.of()));
        List<Notification> told = WhoMustAct.of(sent, model(), null, id -> null);
        assertThat(told).extracting(Notification::recipient).containsExactly("dan");
        assertThat(told).extracting(Notification::kind).containsOnly("handoff");
        assertThat(told.get(0).text()).isEqualTo("Cleo Park handed this over to Design for Layout: accept it or send it back");

        RecordedEvent byContent = event(2, "ben", T0, new HandoffSent("content", "design", "draft", "layout", Map.of()));
        assertThat(WhoMustAct.of(byContent, model(), null, id -> null)).extracting(Notification::recipient)
                .containsExactly("cleo", "dan");
    }

    @Test
    void nobodyIsToldOfTheirOwnMention() {
        RecordedEvent comment = event(3, "ana", T0, new CommentAdded("@ana and @ben: see the draft"));
        assertThat(WhoMustAct.of(comment, model(), null, id -> id.equals("ana") || id.equals("ben") ? id : null))
                .extracting(Notification::recipient).containsExactly("ben");
    }

    @Test
    void anSlaAboutToBreachTellsTheOwnerElseTheStageOwnerElseTheDriver() {
        Instant late = T0.plusSeconds(36 * 3600); // 36 h of a 2-day SLA gone, 12 h left
        assertThat(WhoMustAct.slasAtRisk(item("draft", "cleo"), model(), late))
                .extracting(Notification::recipient).containsExactly("cleo");
        // No owner: the stage's owner, the content function, i.e. everyone in it.
        List<Notification> byStageOwner = WhoMustAct.slasAtRisk(item("draft", null), model(), late);
        assertThat(byStageOwner).extracting(Notification::recipient).containsExactly("ana", "ben");
        assertThat(byStageOwner.get(0).text()).contains("has 12.0 h left of its SLA of 2d");
        // A stage without an owner: its decision's driver.
        assertThat(WhoMustAct.slasAtRisk(item("layout", null), model(), late))
                .extracting(Notification::recipient).containsExactly("dan");
        // Not yet half of the SLA gone: no one.
        assertThat(WhoMustAct.slasAtRisk(item("draft", null), model(), T0.plusSeconds(3600))).isEmpty();
    }
}
