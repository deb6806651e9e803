package dev.baton.assist.draft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.assist.Examples;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatedValuesTest {

    static final OperatingModel MODEL = Examples.b2b();
    static final LocalDate TODAY = LocalDate.of(2026, 2, 10);

    static Map<String, Object> read(String template, String text) {
        Template t = MODEL.template(template).orElseThrow();
        return StatedValues.read(MODEL, t, text, TODAY, Set.of());
    }

    @Test
    void aCampaignRequestGivesItsDatesBudgetAudienceChannelsAndMetric() {
        Map<String, Object> v = read("campaign-brief", "LinkedIn and webinar campaign for fintech CFOs in the UK "
                + "starting 1 March until 30 April with a $20k budget, to grow pipeline in mid-market accounts. "
                + "Reach 450 accounts, 60% confidence, effort 2 person-weeks.");
        System.out.println(v);
        assertThat(v).containsEntry("start-date", "2026-03-01").containsEntry("end-date", "2026-04-30")
                .containsEntry("budget", 20000.0).containsEntry("segment", "fintech CFOs in the UK")
                .containsEntry("channel-mix", List.of("LinkedIn", "webinar")).containsEntry("primary-metric", "pipeline")
                .containsEntry("reach", 450.0).containsEntry("confidence", 60.0).containsEntry("effort", 2.0);
        assertThat((String) v.get("objective")).startsWith("Grow pipeline");
        assertThat((String) v.get("campaign-name")).startsWith("LinkedIn and webinar campaign for fintech CFOs");
    }
}
