package dev.baton.insight.simulation;

import static dev.baton.insight.simulation.SimulatorTest.example;
import static dev.baton.insight.simulation.SimulatorTest.simulate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.field.FieldValues;
import dev.baton.engine.intake.IntakeEvent.RequestAccepted;
import dev.baton.engine.intake.IntakeEvent.RequestDeclined;
import dev.baton.engine.intake.IntakeEvent.RequestDeferred;
import dev.baton.engine.intake.IntakeEvent.RequestSubmitted;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.DebtReport.ComponentResult;
import dev.baton.model.IntakeForm;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo's history reads like a real team's: varied titles, complete briefs, reasons and comments. */
class StoryTest {

    /** A demo quarter: the size and seed {@code baton serve --demo} loads. */
    static final SimulationSettings QUARTER = new SimulationSettings(420, 20260105L, LocalDate.of(2026, 1, 5), 13,
            DebtRates.DEFAULT);

    static List<RecordedEvent> quarter(OperatingModel model) {
        return simulate(model, QUARTER);
    }

    static <T> List<T> events(List<RecordedEvent> log, Class<T> type) {
        return log.stream().map(RecordedEvent::event).filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void titlesRarelyRepeatAndReadLikeMarketingWork() {
        for (String name : List.of("b2b-saas.yaml", "content-team.yaml")) {
            List<String> titles = events(quarter(example(name)), ItemCreated.class).stream().map(ItemCreated::title).toList();
            double distinct = (double) new HashSet<>(titles).size() / titles.size();
            assertThat(titles).as(name).hasSize(420);
            assertThat(distinct).as("%s: distinct titles / items", name).isGreaterThanOrEqualTo(0.9);
            assertThat(titles).as(name).noneMatch(t -> t.contains("#") || t.contains("{") || t.contains("  ")
                    || t.toLowerCase(Locale.ROOT).contains("lorem") || t.contains("null") || t.isBlank());
        }
        List<String> titles = events(quarter(example("b2b-saas.yaml")), ItemCreated.class).stream()
                .map(ItemCreated::title).toList();
        assertThat(titles).anyMatch(t -> t.startsWith("Launch: ") && t.matches(".*\\(tier \\d\\)"))
                .anyMatch(t -> t.startsWith("Ebook: ")).anyMatch(t -> t.startsWith("Blog: "))
                .anyMatch(t -> t.matches("Q\\d .*"));
    }

    @Test
    void aChildsTitleTakesUpItsParentsTheme() {
        List<RecordedEvent> log = quarter(example("b2b-saas.yaml"));
        Map<String, String> titles = new HashMap<>();
        List<ItemCreated> children = new ArrayList<>();
        for (RecordedEvent e : log) {
            if (e.event() instanceof ItemCreated c) {
                titles.put(e.stream(), c.title());
                if (c.parent() != null) {
                    children.add(c);
                }
            }
        }
        assertThat(children).hasSizeGreaterThan(200);
        for (ItemCreated child : children) {
            String parent = titles.get(child.parent()).toLowerCase(Locale.ROOT);
            Vocabulary.Theme theme = Vocabulary.THEMES.stream().filter(t -> parent.contains(t.name().toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> new AssertionError("no theme in " + parent));
            String title = child.title().toLowerCase(Locale.ROOT);
            assertThat(title.contains(theme.name().toLowerCase(Locale.ROOT))
                    || theme.features().stream().anyMatch(f -> title.contains(f.toLowerCase(Locale.ROOT))))
                    .as("'%s' under '%s'", child.title(), parent).isTrue();
        }
    }

    @Test
    void briefsAreCompleteAndEveryValueIsOneTheEngineAccepts() {
        for (String name : List.of("b2b-saas.yaml", "content-team.yaml")) {
            OperatingModel model = example(name);
            List<RecordedEvent> log = quarter(model);
            Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
            Map<String, WorkType> types = new HashMap<>();
            for (RecordedEvent e : log) {
                WorkType type = model.workType(e.workType()).orElseThrow();
                Template template = model.template(type.template()).orElse(null);
                if (e.event() instanceof ItemCreated c) {
                    fields.put(e.stream(), new HashMap<>(c.fields()));
                    types.put(e.stream(), type);
                    assertThat(FieldValues.check(model, template, "brief", c.fields(), false).problems()).isEmpty();
                } else if (e.event() instanceof FieldsUpdated f) {
                    fields.get(e.stream()).putAll(f.changes());
                    assertThat(FieldValues.check(model, template, "brief", f.changes(), false).problems()).isEmpty();
                    assertThat(f.changes().values()).noneMatch(v -> String.valueOf(v).startsWith("see item-"));
                } else if (e.event() instanceof RequestSubmitted r) {
                    IntakeForm form = model.intake().forms().stream().filter(x -> x.id().equals(r.form())).findFirst().orElseThrow();
                    Template formTemplate = model.template(form.template()).orElseThrow();
                    FieldValues.Checked checked = FieldValues.check(model, formTemplate, "request", r.fields(), false);
                    assertThat(checked.problems()).as(name).isEmpty();
                    // A request for work tied to no goal leaves its metric out; nothing else is missing.
                    assertThat(FieldValues.missingRequired(formTemplate, checked.values())).as(r.title())
                            .allMatch(id -> formTemplate.field(id).orElseThrow().type() == dev.baton.model.FieldType.METRIC);
                }
            }
            // A completed item has every required field of its template filled, except a metric when it has no goal.
            int complete = 0;
            for (Map.Entry<String, Map<String, Object>> item : fields.entrySet()) {
                Template template = model.template(types.get(item.getKey()).template()).orElse(null);
                List<String> missing = FieldValues.missingRequired(template, item.getValue());
                complete += missing.isEmpty() ? 1 : 0;
            }
            assertThat((double) complete / fields.size()).as(name).isGreaterThan(0.6);
        }
    }

    @Test
    void intakeSaysYesNoAndLaterWithReasonsThatVary() {
        List<RecordedEvent> log = quarter(example("b2b-saas.yaml"));
        List<RequestSubmitted> submitted = events(log, RequestSubmitted.class);
        List<RequestAccepted> accepted = events(log, RequestAccepted.class);
        List<RequestDeclined> declined = events(log, RequestDeclined.class);
        List<RequestDeferred> deferred = events(log, RequestDeferred.class);
        double n = submitted.size();
        assertThat(accepted.size() / n).isBetween(0.65, 0.9);
        assertThat(declined.size() / n).isBetween(0.08, 0.25);
        assertThat(deferred.size() / n).isBetween(0.04, 0.15);
        assertThat(accepted.stream().map(RequestAccepted::reason).filter(r -> r != null).distinct().count()).isGreaterThan(30);
        assertThat(declined.stream().map(RequestDeclined::reason).distinct().count()).isGreaterThan(20);
        assertThat(deferred.stream().map(RequestDeferred::reason).distinct().count()).isGreaterThan(10);
        assertThat(deferred).anyMatch(d -> d.until() != null).allMatch(d -> d.until() == null || d.until().matches("\\d{4}-\\d\\d-\\d\\d"));
        assertThat(accepted.stream().map(RequestAccepted::reason)).doesNotContain("fits this quarter's priorities");
        // Request ids are numbered in one sequence; every accepted one names the item it became.
        Set<String> requestStreams = log.stream().filter(e -> e.event() instanceof RequestSubmitted).map(RecordedEvent::stream)
                .collect(Collectors.toSet());
        assertThat(requestStreams).hasSize(submitted.size()).allMatch(s -> s.matches("req-\\d+"));
    }

    @Test
    void itemsGetCommentsNowAndThen() {
        List<RecordedEvent> log = quarter(example("b2b-saas.yaml"));
        Map<String, Long> commentsPerItem = log.stream().filter(e -> e.event() instanceof CommentAdded)
                .collect(Collectors.groupingBy(RecordedEvent::stream, Collectors.counting()));
        assertThat(commentsPerItem.size() / 420.0).isBetween(0.2, 0.9);
        List<String> texts = events(log, CommentAdded.class).stream().map(CommentAdded::text).toList();
        assertThat(new HashSet<>(texts).size()).isGreaterThan(40);
        assertThat(texts).noneMatch(t -> t.contains("{") || t.isBlank() || t.contains("null"));
    }

    /**
     * The words are decoration: with the comments and the requests that never became items taken
     * out, the debt report gives the same figures.
     */
    @Test
    void commentsAndDeclinedRequestsChangeNoDebtFigure() throws Exception {
        OperatingModel model = example("b2b-saas.yaml");
        List<RecordedEvent> log = quarter(model);
        Set<String> becameItems = events(log, ItemCreated.class).stream().map(ItemCreated::fromRequest)
                .filter(r -> r != null).collect(Collectors.toSet());
        List<RecordedEvent> bare = log.stream().filter(e -> !(e.event() instanceof CommentAdded))
                .filter(e -> !e.stream().startsWith("req-") || becameItems.contains(e.stream())).toList();
        assertThat(bare.size()).isLessThan(log.size());

        DebtReport full = DebtAnalysis.analyze(model, List.of(), "full", sink -> log.forEach(sink));
        DebtReport without = DebtAnalysis.analyze(model, List.of(), "bare", sink -> bare.forEach(sink));
        assertThat(full.items()).isEqualTo(without.items());
        assertThat(full.score()).isEqualTo(without.score());
        assertThat(full.costHours()).isEqualTo(without.costHours());
        for (ComponentResult c : full.components()) {
            ComponentResult other = without.component(c.id());
            assertThat(c.value()).as(c.id()).isEqualTo(other.value());
            assertThat(c.costHours()).as(c.id()).isEqualTo(other.costHours());
            assertThat(c.details()).as(c.id()).isEqualTo(other.details());
        }
        assertThat(full.requests()).isGreaterThan(without.requests());
    }
}
