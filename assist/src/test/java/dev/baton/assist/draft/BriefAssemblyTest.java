package dev.baton.assist.draft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.assist.Examples;
import dev.baton.assist.history.PastWork;
import dev.baton.assist.similar.Match;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The draft: what the request states, the rest from the most similar past brief (marked), missing fields listed. */
class BriefAssemblyTest {

    static final OperatingModel MODEL = Examples.b2b();
    static final WorkType CAMPAIGN = MODEL.workType("campaign").orElseThrow();

    static PastWork brief(String id, Map<String, Object> fields) {
        return new PastWork(id, PastWork.Kind.ITEM, "campaign", "Past " + id, fields, "results", "nora.haddad", false, null,
                "nora.haddad", Instant.parse("2026-01-05T10:00:00Z"), Instant.parse("2026-02-05T10:00:00Z"));
    }

    static Map<String, Object> pastFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("campaign-name", "Retail nurture");
        f.put("objective", "Move retail trials to paid");
        f.put("segment", "Mid-market retail");
        f.put("primary-metric", "mql-to-sql");
        f.put("channel-mix", List.of("email nurture", "retargeting"));
        f.put("start-date", "2025-10-01");
        f.put("landing-page", "https://example.com/old");
        f.put("reach", 300.0);
        f.put("impact", 1.0);
        return f;
    }

    static BriefDraft draft(String text, List<Match> similar) {
        return OfflineDrafter.draft(new DraftRequest(MODEL, CAMPAIGN, MODEL.template("campaign-brief").orElseThrow(), text,
                similar, LocalDate.of(2026, 2, 10), Set.of("retargeting")));
    }

    @Test
    void whatTheRequestDoesNotSayComesFromTheMostSimilarPastBriefMarkedAsSuch() {
        BriefDraft d = draft("Email campaign for retail CFOs starting 2 March, 70% confidence",
                List.of(new Match(brief("item-12", pastFields()), 0.74), new Match(brief("item-40", Map.of("effort", 3.0)), 0.61)));

        assertThat(d.fields().get("segment")).isEqualTo(new DraftField("retail CFOs", "request"));
        assertThat(d.fields().get("start-date")).isEqualTo(new DraftField("2026-03-02", "request"));
        assertThat(d.fields().get("confidence")).isEqualTo(new DraftField(70.0, "request"));
        assertThat(d.fields().get("objective")).isEqualTo(new DraftField("Move retail trials to paid", "similar:item-12"));
        assertThat(d.fields().get("reach")).isEqualTo(new DraftField(300.0, "similar:item-12"));
        // Each field from the nearest past brief that has it.
        assertThat(d.fields().get("effort")).isEqualTo(new DraftField(3.0, "similar:item-40"));
        // Dates and links of a past brief belong to it; its name is not the new work's name.
        assertThat(d.fields()).doesNotContainKeys("end-date", "landing-page");
        assertThat(d.fields().get("campaign-name").source()).isEqualTo("request");
        assertThat(d.missing()).isEmpty();
        assertThat(d.basis()).extracting(Basis::source).containsExactly("request", "similar:item-12", "similar:item-40");
        assertThat(d.basis().get(1).text()).contains("item-12", "similarity 0.74");
        // The fields come in the template's order.
        assertThat(d.fields().keySet()).startsWith("campaign-name", "objective", "segment");
    }

    @Test
    void missingRequiredFieldsAreListedNotInvented() {
        BriefDraft d = draft("Something for retail", List.of());
        assertThat(d.missing()).containsExactly("objective", "channel-mix", "start-date", "reach", "impact", "confidence",
                "effort");
        // The metric nobody stated is the work type's declared success metric, said so.
        assertThat(d.fields().get("primary-metric")).isEqualTo(new DraftField("pipeline", "model"));
        assertThat(d.basis()).anySatisfy(b -> assertThat(b.text()).contains("no past brief", "similar enough"));
    }

    @Test
    void anUnrelatedPastBriefIsNotCopiedFrom() {
        BriefDraft d = draft("Something for retail", List.of(new Match(brief("item-9", pastFields()), 0.12)));
        assertThat(d.fields().values()).noneMatch(f -> f.source().startsWith("similar:"));
        assertThat(d.missing()).contains("objective", "reach");
    }

    @Test
    void aWorkTypeWithoutTemplateHasNothingToDraft() {
        WorkType initiative = MODEL.workType("initiative").orElseThrow();
        BriefDraft d = OfflineDrafter.draft(new DraftRequest(MODEL, initiative, null, "Q3 push", List.of(),
                LocalDate.of(2026, 2, 10), Set.of()));
        assertThat(d.fields()).isEmpty();
        assertThat(d.missing()).isEmpty();
        assertThat(d.basis().get(0).text()).contains("declares no template");
    }
}
