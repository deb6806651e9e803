package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import dev.baton.model.validation.ModelValidation;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a template's fields explain themselves on forms (issue 17, "Forms that explain themselves"). */
class FormFieldsTest {

    static final OperatingModel B2B = ModelValidation.validate(dev.baton.app.ProjectRoot.PATH.resolve("examples/b2b-saas.yaml"))
            .model();
    static final OperatingModel CONTENT = ModelValidation.validate(
            dev.baton.app.ProjectRoot.PATH.resolve("examples/content-team.yaml")).model();

    private static Map<String, FormFields.FieldView> views(OperatingModel model, String template, Map<String, ?> values,
                                                          LocalDate today) {
        Template t = model.template(template).orElseThrow();
        Map<String, FormFields.FieldView> byId = new java.util.LinkedHashMap<>();
        FormFields.views(model, t, values, today).forEach(v -> byId.put(v.id(), v));
        return byId;
    }

    @Test
    void riceInputsWithoutADescriptionShowTheSchemeScale() {
        var fields = views(B2B, "content-request", Map.of(), null);
        assertThat(fields.get("impact").hint()).contains("3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal");
        assertThat(fields.get("confidence").hint()).contains("percent");
        assertThat(fields.get("asset-type").allowed()).startsWith("Allowed values: blog-post, ebook");
        assertThat(fields.get("asset-type").describedBy(true)).isEqualTo("allowed-asset-type err-asset-type");
        assertThat(fields.get("title").describedBy(false)).isNull();
    }

    @Test
    void aDescriptionInTheModelWins() {
        var fields = views(B2B, "campaign-brief", Map.of(), null);
        assertThat(fields.get("reach").hint()).isEqualTo("Accounts reached per quarter");
        assertThat(fields.get("start-date").kind()).isEqualTo("start date");
        assertThat(fields.get("end-date").kind()).isEqualTo("due date");
    }

    @Test
    void weightedInputsSayTheirWeightAndDatesWhatTheyMean() {
        var fields = views(CONTENT, "post-brief", Map.of(), null);
        assertThat(fields.get("strategic-fit").hint()).contains("Counts 3 ×");
        assertThat(fields.get("search-volume").hint()).contains("Counts 1 ×");
        var webinar = views(CONTENT, "webinar-brief", Map.of(), null);
        assertThat(webinar.get("event-date").hint()).isEqualTo("The day the webinar is held");
        var launch = views(B2B, "launch-brief", Map.of(), null);
        assertThat(launch.get("launch-date").hint()).isEqualTo(FormFields.DUE_HINT);
    }

    @Test
    void onlyAPastDueDateIsFlagged() {
        var fields = views(B2B, "campaign-brief", Map.of("start-date", "2026-01-05", "end-date", "2026-03-01"),
                LocalDate.parse("2026-03-02"));
        assertThat(fields.get("start-date").overdue()).isFalse();
        assertThat(fields.get("end-date").overdue()).isTrue();
        assertThat(fields.get("end-date").describedBy(false)).isEqualTo("hint-end-date overdue-end-date");
        var onTime = views(B2B, "campaign-brief", Map.of("end-date", "2026-03-01"), LocalDate.parse("2026-03-01"));
        assertThat(onTime.get("end-date").overdue()).isFalse();
        assertThat(views(B2B, "campaign-brief", Map.of("end-date", "2026-03-01"), null).get("end-date").overdue()).isFalse();
    }
}
