package dev.baton.app.web;

import dev.baton.engine.item.WorkItem;
import dev.baton.engine.rights.Names;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.Field;
import dev.baton.model.Handoff;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.Template;
import dev.baton.model.WorkDuration;
import dev.baton.model.WorkType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How a work item shows on a board, the home page and its own page: who owns it, when it is due,
 * where it stands against its SLA, and where it can move next — read against the model version
 * the item was created with, as the engine decides its commands.
 */
@Component
class WorkViews {

    /** Share of an SLA after which an item counts as at risk of breaching it. */
    static final double AT_RISK = 0.75;

    private final ModelVersions versions;
    private final Clock clock;

    WorkViews(ModelVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    /** An SLA clock: {@code state} is ok, warn (at risk), bad (breached) or none. */
    record Sla(String state, String text) {
        static final Sla NONE = new Sla("none", "");

        boolean atRisk() {
            return "warn".equals(state) || "bad".equals(state);
        }
    }

    record Option(String id, String name) {
    }

    record Card(String id, String title, long version, String workType, String stage, String stageName,
                String owner, String due, Sla sla, boolean urgent, boolean blocked, String blockedReason,
                String handoff, boolean completed, List<Option> moves, String dueField, boolean overdue) {
    }

    OperatingModel model(WorkItem item) {
        return versions.get(item.modelVersion()).map(ModelVersion::model)
                .orElseThrow(() -> new IllegalStateException("model version " + item.modelVersion() + " is not stored"));
    }

    Card card(WorkItem item) {
        OperatingModel model = model(item);
        WorkType type = model.workType(item.workType()).orElseThrow();
        Stage stage = type.stage(item.stage()).orElse(null);
        String owner = item.owner() != null ? Names.person(model, item.owner())
                : stage != null && stage.owner() != null ? Names.party(model, stage.owner()) + " (stage owner)" : "nobody";
        String handoff = item.pendingHandoff() == null ? null : "Handoff to "
                + Names.party(model, item.pendingHandoff().toFunction()) + " waiting";
        List<Option> moves = item.completed() || item.pendingHandoff() != null ? List.of()
                : type.stageChanges().stream().filter(c -> c.from().equals(item.stage()))
                .map(c -> new Option(c.to(), Names.stage(type, c.to()))).toList();
        Template template = type.template() == null ? null : model.template(type.template()).orElse(null);
        Field dueField = dueField(template, item);
        String due = dueField == null ? null : (String) item.fields().get(dueField.id());
        return new Card(item.id().value(), item.title(), item.version(), item.workType(), item.stage(),
                Names.stage(type, item.stage()), owner, due, sla(model, type, item),
                item.urgent(), item.blocked(), item.blockedReason(), handoff, item.completed(), moves,
                dueField == null ? null : Names.field(template, dueField.id()), overdue(due, item.completed()));
    }

    /** Whether a due date is past (before today in the server's clock) on an open item. */
    boolean overdue(String due, boolean completed) {
        if (due == null || completed) {
            return false;
        }
        try {
            return java.time.LocalDate.parse(due).isBefore(java.time.LocalDate.now(clock));
        } catch (java.time.format.DateTimeParseException notADate) {
            return false;
        }
    }

    /**
     * The item's due date: the latest date filled in among its template's due-date fields (a
     * campaign's end date, a launch's launch date, an asset's due date; start dates are not due
     * dates, see {@link FormFields#startDate}); null when none is filled.
     */
    static String due(OperatingModel model, WorkType type, WorkItem item) {
        Template template = type.template() == null ? null : model.template(type.template()).orElse(null);
        Field f = dueField(template, item);
        return f == null ? null : (String) item.fields().get(f.id());
    }

    private static Field dueField(Template template, WorkItem item) {
        if (template == null) {
            return null;
        }
        Field latest = null;
        String latestDate = null;
        for (Field f : template.fields()) {
            if (f.dueDate() && item.fields().get(f.id()) instanceof String d
                    && (latestDate == null || d.compareTo(latestDate) > 0)) {
                latest = f;
                latestDate = d;
            }
        }
        return latest;
    }

    /**
     * Where the item stands against the SLA running now: a waiting handoff's (from when it was
     * sent), otherwise its stage's (from when it entered the stage). None for completed items and
     * stages without an SLA.
     */
    Sla sla(OperatingModel model, WorkType type, WorkItem item) {
        if (item.completed()) {
            return Sla.NONE;
        }
        WorkDuration limit;
        Instant since;
        String what;
        if (item.pendingHandoff() != null) {
            StageChange at = new StageChange(item.pendingHandoff().fromStage(), item.pendingHandoff().toStage());
            Optional<Handoff> h = model.handoffsOf(type.id()).stream().filter(x -> Objects.equals(x.at(), at)).findFirst();
            limit = h.map(Handoff::sla).orElse(null);
            since = item.pendingHandoff().sentAt();
            what = "handoff";
        } else {
            limit = type.stage(item.stage()).map(Stage::sla).orElse(null);
            since = item.stageEnteredAt();
            what = "stage";
        }
        if (limit == null) {
            return Sla.NONE;
        }
        Duration spent = Duration.between(since, clock.instant());
        Duration left = limit.value().minus(spent);
        if (left.isNegative()) {
            return new Sla("bad", what + " SLA " + limit.text() + " breached by " + human(left.negated()));
        }
        double share = spent.toSeconds() / (double) Math.max(1, limit.value().toSeconds());
        return new Sla(share >= AT_RISK ? "warn" : "ok", human(left) + " left of " + what + " SLA " + limit.text());
    }

    /** "3d 4h", "5h", "12m". */
    static String human(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        if (days > 0) {
            return days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        return hours > 0 ? hours + "h" : minutes % 60 + "m";
    }
}
