package dev.baton.engine.intake;

import dev.baton.engine.Actor;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.field.FieldValues;
import dev.baton.engine.intake.IntakeCommand.AcceptRequest;
import dev.baton.engine.intake.IntakeCommand.DeclineRequest;
import dev.baton.engine.intake.IntakeCommand.DeferRequest;
import dev.baton.engine.intake.IntakeCommand.SubmitRequest;
import dev.baton.engine.intake.IntakeEvent.RequestAccepted;
import dev.baton.engine.intake.IntakeEvent.RequestDeclined;
import dev.baton.engine.intake.IntakeEvent.RequestDeferred;
import dev.baton.engine.intake.IntakeEvent.RequestSubmitted;
import dev.baton.engine.rights.Names;
import dev.baton.engine.rights.Reasons;
import dev.baton.engine.rights.Rights;
import dev.baton.model.IntakeForm;
import dev.baton.model.OperatingModel;
import dev.baton.model.Prioritization;
import dev.baton.model.PrioritizationScheme;
import dev.baton.model.Stage;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The decision function of intake under one model version.
 *
 * <p>Who may do what: a form's {@code submitters} may submit through it (anyone of the model when
 * it names none). Accepting, declining and deferring is for whoever holds a right on the first
 * stage of the work the request becomes (its owner, driver or approver): they are the people
 * whose work queue it joins. When that stage declares none of them, any person of the model may.
 */
public final class IntakeDecider {

    private final OperatingModel model;
    private final Rights rights;

    public IntakeDecider(OperatingModel model) {
        this.model = model;
        this.rights = new Rights(model);
    }

    public OperatingModel model() {
        return model;
    }

    public IntakeForm form(String id) {
        return model.intake() == null ? null : model.intake().forms().stream()
                .filter(f -> Objects.equals(f.id(), id)).findFirst().orElse(null);
    }

    public IntakeDecision submit(Actor actor, SubmitRequest command) {
        IntakeForm form = form(command.form());
        if (form == null) {
            List<String> forms = model.intake() == null ? List.of()
                    : model.intake().forms().stream().map(IntakeForm::id).toList();
            return IntakeDecision.reject(Code.NOT_FOUND, model.name() + " has no intake form '" + command.form()
                    + "'" + (forms.isEmpty() ? "" : "; its forms are " + String.join(", ", forms)));
        }
        String formName = form.name() == null ? form.id() : form.name();
        if (!rights.isPerson(actor.personId())) {
            return IntakeDecision.reject(Code.NOT_ALLOWED, "'" + actor.personId() + "' is not a person of "
                    + model.name() + ", so they can't submit requests");
        }
        if (!form.submitters().isEmpty() && rights.heldBy(actor.personId(), form.submitters()).isEmpty()) {
            return IntakeDecision.reject(Code.NOT_ALLOWED, "Only " + Names.or(form.submitters().stream()
                    .map(p -> Names.party(model, p)).toList()) + " can submit '" + formName + "'; "
                    + Names.person(model, actor.personId()) + " is not one of them");
        }
        if (command.title() == null || command.title().isBlank()) {
            return IntakeDecision.reject(Code.INVALID_INPUT, "A request needs a title");
        }
        Template template = model.template(form.template()).orElse(null);
        FieldValues.Checked checked = FieldValues.check(model, template, formName, command.fields(), false);
        List<String> problems = new ArrayList<>(checked.problems());
        List<String> missing = FieldValues.missingRequired(template, checked.values()).stream()
                // a field given with a wrong value was reported above already
                .filter(id -> command.fields() == null || !command.fields().containsKey(id)
                        || checked.values().containsKey(id))
                .map(id -> Names.field(template, id)).toList();
        if (!missing.isEmpty()) {
            problems.add("'" + formName + "' needs " + Names.and(missing));
        }
        problems.addAll(schemeProblems(checked.values()));
        if (!problems.isEmpty()) {
            return IntakeDecision.reject(Code.INVALID_INPUT, String.join("; ", problems));
        }
        return IntakeDecision.record(new RequestSubmitted(form.id(), command.title().strip(), checked.values()));
    }

    /** Decides accept, decline or defer; for accept the caller creates the item and passes its id. */
    public IntakeDecision decide(IntakeRequest request, Actor actor, IntakeCommand command, LocalDate today,
                                 String itemId) {
        if (request.status() == RequestStatus.ACCEPTED || request.status() == RequestStatus.DECLINED) {
            return IntakeDecision.reject(Code.WRONG_STATE, "This request was already "
                    + request.status().name().toLowerCase(java.util.Locale.ROOT)
                    + (request.itemId() == null ? "" : " (it became " + request.itemId() + ")"));
        }
        IntakeDecision who = mayDecide(request, actor);
        if (who != null) {
            return who;
        }
        if (command instanceof AcceptRequest a) {
            return IntakeDecision.record(new RequestAccepted(itemId, Reasons.orNull(a.reason())));
        } else if (command instanceof DeclineRequest d) {
            return Reasons.missing(d.reason())
                    ? IntakeDecision.reject(Code.INVALID_INPUT, "Declining needs a reason the requester will read")
                    : IntakeDecision.record(new RequestDeclined(d.reason().strip()));
        } else if (command instanceof DeferRequest d) {
            return defer(d, today);
        }
        return IntakeDecision.reject(Code.INVALID_INPUT, "A submitted request can be accepted, declined or deferred");
    }

    /** Who may accept, decline or defer the request; null when the actor may. */
    public IntakeDecision mayDecide(IntakeRequest request, Actor actor) {
        if (!rights.isPerson(actor.personId())) {
            return IntakeDecision.reject(Code.NOT_ALLOWED, "'" + actor.personId() + "' is not a person of "
                    + model.name() + ", so they can't decide on requests");
        }
        List<String> deciders = deciders(request.workType());
        if (!deciders.isEmpty() && rights.heldBy(actor.personId(), deciders).isEmpty()) {
            return IntakeDecision.reject(Code.NOT_ALLOWED, "Only " + Names.or(deciders.stream()
                    .map(p -> Names.party(model, p)).toList()) + " can decide on requests for "
                    + Names.a(Names.lower(model.workType(request.workType()).map(Names::workType).orElse("work")))
                    + "; " + Names.person(model, actor.personId()) + " can't");
        }
        return null;
    }

    private IntakeDecision defer(DeferRequest d, LocalDate today) {
        if (Reasons.missing(d.reason())) {
            return IntakeDecision.reject(Code.INVALID_INPUT, "Deferring needs a reason the requester will read");
        }
        if (d.until() == null) {
            return IntakeDecision.record(new RequestDeferred(null, d.reason().strip()));
        }
        LocalDate until;
        try {
            until = LocalDate.parse(d.until().trim());
        } catch (DateTimeParseException e) {
            return IntakeDecision.reject(Code.INVALID_INPUT, "Defer until a date like 2026-04-01, not '" + d.until() + "'");
        }
        if (!until.isAfter(today)) {
            return IntakeDecision.reject(Code.INVALID_INPUT, "Defer until a date after today (" + today + "), not "
                    + until);
        }
        return IntakeDecision.record(new RequestDeferred(until.toString(), d.reason().strip()));
    }

    private List<String> deciders(String workType) {
        WorkType type = workType == null ? null : model.workType(workType).orElse(null);
        if (type == null || type.stages().isEmpty()) {
            return List.of();
        }
        Stage first = type.stages().get(0);
        Stream<String> rights = first.decision() == null ? Stream.of(first.owner())
                : Stream.of(first.owner(), first.decision().driver(), first.decision().approver());
        return rights.filter(Objects::nonNull).distinct().toList();
    }

    /** The scheme's inputs may not be negative, and its divisor (effort, job-size) not 0. */
    private List<String> schemeProblems(java.util.Map<String, Object> values) {
        Prioritization p = model.intake() == null ? null : model.intake().prioritization();
        if (p == null || p.scheme() == null) {
            return List.of();
        }
        List<String> inputs = p.scheme() == PrioritizationScheme.WEIGHTED ? List.copyOf(p.weights().keySet())
                : p.scheme().inputs();
        List<String> problems = new ArrayList<>();
        for (String input : inputs) {
            if (values.get(input) instanceof Double d && d < 0) {
                problems.add(input + " must be at least 0, not " + d);
            }
        }
        if (p.scheme() != PrioritizationScheme.WEIGHTED) {
            String divisor = inputs.get(3);
            if (values.get(divisor) instanceof Double d && d == 0) {
                problems.add(divisor + " must be more than 0: the " + p.scheme().id() + " score divides by it");
            }
        }
        return problems;
    }
}
