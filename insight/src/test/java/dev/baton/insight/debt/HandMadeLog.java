package dev.baton.insight.debt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small logs written by hand, event by event, for tests whose expected figures are worked out in comments. */
final class HandMadeLog {

    /**
     * A post flows draft (content, making) → review (content, coordination, SLA 1d, gate: ann, any)
     * → design (design, making) → publish (content, making); review → draft is declared rework.
     * Handoffs: review → design (requires title, SLA 1d) and design → publish (requires title).
     * An intake form feeds posts. The template has a metric field, goal, so posts link to goals themselves.
     */
    static final String MODEL = """
            apiVersion: baton/v1
            name: Tiny studio
            functions:
              - { id: content, name: Content }
              - { id: design, name: Design }
            people:
              - { id: ann, name: Ann, function: content, capacity: 40h/week }
              - { id: bob, name: Bob, function: design, capacity: 40h/week }
            components:
              - { id: audience, owner: ann }
              - { id: content, owner: ann }
              - { id: messaging, owner: ann }
              - { id: channels, owner: ann }
              - { id: data, owner: ann }
              - { id: reporting, owner: ann }
              - { id: instrumentation, owner: ann }
            metrics:
              - { id: posts, name: Posts, unit: posts, definition: Posts published a month, target: 4 }
            templates:
              - id: brief
                name: Brief
                fields:
                  - { id: title, type: text, required: true }
                  - { id: goal, type: metric }
            work-types:
              - id: post
                name: Post
                template: brief
                success: [posts]
                stages:
                  - { id: draft, kind: making, owner: ann, exit: [title], decision: { driver: ann, approver: ann } }
                  - { id: review, kind: coordination, owner: ann, sla: 1d, gate: { approvers: [ann], mode: any }, decision: { driver: ann, approver: ann } }
                  - { id: design, kind: making, owner: bob, decision: { driver: bob, approver: bob } }
                  - { id: publish, kind: making, owner: ann, decision: { driver: ann, approver: ann } }
                transitions:
                  - review -> draft
            handoffs:
              - { work-type: post, from: content, to: design, at: review -> design, requires: [title], sla: 1d }
              - { work-type: post, from: design, to: content, at: design -> publish, requires: [title] }
            intake:
              forms:
                - { id: request, name: Request a post, template: brief, work-type: post, submitters: [content] }
            """;

    private final List<RecordedEvent> events = new ArrayList<>();
    private final Map<String, Long> versions = new HashMap<>();

    static OperatingModel model(String yaml) {
        ValidationReport report = ModelValidation.validate("tiny.yaml", yaml);
        assertThat(report.errors()).isEmpty();
        return report.model();
    }

    /** Monday 5 January 2026 is day 0. */
    static Instant at(int day, int hour, int minute) {
        return Instant.parse("2026-01-05T00:00:00Z").plusSeconds(day * 86_400L + hour * 3_600L + minute * 60L);
    }

    HandMadeLog add(String stream, Instant at, String actor, BatonEvent event) {
        return add(stream, at, actor, 1, event);
    }

    /** An event recorded under a model version (0: imported history). */
    HandMadeLog add(String stream, Instant at, String actor, int modelVersion, BatonEvent event) {
        long version = versions.merge(stream, 1L, Long::sum);
        events.add(new RecordedEvent(events.size() + 1, stream, version, at, actor, "post", modelVersion, null, event));
        return this;
    }

    List<RecordedEvent> events() {
        return events;
    }

    /** The events of the given streams only, positions kept. */
    List<RecordedEvent> only(String... streams) {
        List<String> keep = List.of(streams);
        return events.stream().filter(e -> keep.contains(e.stream())).toList();
    }
}
