package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.CommandResult.Recorded;
import dev.baton.engine.CommandResult.Rejected;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemCommand;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.version.ModelVersions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An engine on the B2B SaaS example (Northwind Analytics) for rule tests, with short ways to
 * create campaigns and launches and to send commands as a person.
 */
final class Northwind {

    final TestClock clock = new TestClock();
    final ModelVersions versions;
    final Engine engine;
    private int commands;

    Northwind() {
        this(Examples.text("b2b-saas.yaml"));
    }

    /** On a variant of the example, e.g. with a gate given to a function. */
    Northwind(String modelText) {
        versions = ModelVersions.inMemory(clock);
        assertThat(versions.upload("b2b-saas.yaml", modelText, "dev.patel").accepted()).isTrue();
        engine = Engine.inMemory(versions, clock);
    }

    static Map<String, Object> campaignBrief() {
        Map<String, Object> brief = new LinkedHashMap<>();
        brief.put("campaign-name", "Spring webinar series");
        brief.put("objective", "Pipeline from mid-market accounts");
        brief.put("segment", "Mid-market SaaS");
        brief.put("primary-metric", "pipeline");
        brief.put("channel-mix", List.of("email", "paid-social"));
        brief.put("start-date", "2026-04-01");
        brief.put("reach", 4000);
        brief.put("impact", 2);
        brief.put("confidence", 80);
        brief.put("effort", 5);
        return brief;
    }

    static Map<String, Object> assetBrief() {
        Map<String, Object> brief = new LinkedHashMap<>();
        brief.put("asset-type", "ebook");
        brief.put("audience-note", "Finance leaders at mid-market SaaS companies");
        brief.put("key-message", "Usage-based pricing without surprises");
        brief.put("call-to-action", "Book a pricing review");
        brief.put("due-date", "2026-05-01");
        return brief;
    }

    static Map<String, Object> launchBrief() {
        Map<String, Object> brief = new LinkedHashMap<>();
        brief.put("feature-name", "Usage-based alerts");
        brief.put("launch-tier", "tier-1");
        brief.put("launch-date", "2026-05-12");
        brief.put("product-owner", "priya.raman");
        brief.put("problem-statement", "Admins find out about spikes from the invoice");
        brief.put("target-audience", "Data platform admins");
        brief.put("success-metric", "feature-adoption");
        return brief;
    }

    WorkItemId campaign(Map<String, Object> fields) {
        return create("campaign", fields);
    }

    /**
     * Creates an item as a person would: with its template's required fields (a complete brief),
     * the given fields on top (a null value leaves a field out).
     */
    WorkItemId create(String workType, Map<String, Object> fields) {
        Map<String, Object> complete = new LinkedHashMap<>(switch (workType) {
            case "campaign" -> campaignBrief();
            case "product-launch" -> launchBrief();
            case "asset" -> assetBrief();
            default -> Map.<String, Object>of();
        });
        fields.forEach((k, v) -> {
            if (v == null) {
                complete.remove(k);
            } else {
                complete.put(k, v);
            }
        });
        CommandResult r = engine.create(null, next(), new Actor("nora.haddad"),
                new WorkItemCommand.CreateItem(workType, "A " + workType, complete, null, null));
        assertThat(r).as("%s", r).isInstanceOf(Recorded.class);
        return new WorkItemId(((Recorded) r).stream());
    }

    /** Sends a command that must be recorded. */
    Recorded ok(WorkItemId item, String person, WorkItemCommand command) {
        CommandResult r = engine.handle(item, null, next(), new Actor(person), command);
        assertThat(r).as("%s", r).isInstanceOf(Recorded.class);
        return (Recorded) r;
    }

    /** Sends a command that must be rejected, and checks that nothing was recorded. */
    Rejection rejected(WorkItemId item, String person, WorkItemCommand command) {
        return rejected(item, null, person, command);
    }

    Rejection rejected(WorkItemId item, Long expectedVersion, String person, WorkItemCommand command) {
        int before = engine.store().readAll(0, Integer.MAX_VALUE).size();
        CommandResult r = engine.handle(item, expectedVersion, next(), new Actor(person), command);
        assertThat(r).as("%s", r).isInstanceOf(Rejected.class);
        assertThat(engine.store().readAll(0, Integer.MAX_VALUE)).hasSize(before);
        return ((Rejected) r).rejection();
    }

    WorkItem state(WorkItemId item) {
        return engine.item(item).orElseThrow();
    }

    String next() {
        clock.advance(Duration.ofMinutes(10));
        return "cmd-" + ++commands;
    }
}
