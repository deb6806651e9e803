package dev.baton.engine.learning;

import dev.baton.engine.Actor;
import dev.baton.engine.Rejection;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.learning.LearningCommand.RecordInsight;
import dev.baton.engine.learning.LearningCommand.WritePostMortem;
import dev.baton.engine.learning.LearningEvent.InsightRecorded;
import dev.baton.engine.learning.LearningEvent.ModelChangeDeclined;
import dev.baton.engine.learning.LearningEvent.ModelChangeProposed;
import dev.baton.engine.learning.LearningEvent.PostMortemWritten;
import dev.baton.engine.rights.Names;
import dev.baton.engine.rights.Rights;
import dev.baton.model.Component;
import dev.baton.model.OperatingModel;
import dev.baton.model.change.ChangeRefused;
import dev.baton.model.change.ChangeWriter;
import dev.baton.model.change.ProposedChange;
import dev.baton.model.change.WrittenChange;
import dev.baton.model.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides learning commands against the current model, like {@code WorkItemDecider} decides work:
 * a pure function of the state, the model and the command (no clock, no storage). Anyone of the
 * model writes post-mortems, records insights and proposes changes; who may accept or decline a
 * change to the model is the app's role check (ops and admins, as for uploading a model), so here
 * the decider only checks that the proposal is still open and still applies.
 */
public final class LearningDecider {

    /** The file name the proposal's validation report gives the model's text. */
    public static final String FILE = "model.yaml";

    private final OperatingModel model;
    private final Rights rights;

    public LearningDecider(OperatingModel model) {
        this.model = model;
        this.rights = new Rights(model);
    }

    /** A change written into a model version's text for accepting, or why it cannot be. */
    public record Rewrite(WrittenChange written, Rejection rejection) {
        public boolean rejected() {
            return rejection != null;
        }
    }

    public LearningDecision writePostMortem(WorkItem item, Actor actor, WritePostMortem c) {
        Rejection person = person(actor, "write a post-mortem");
        if (person != null) {
            return LearningDecision.reject(person);
        }
        if (item == null) {
            return LearningDecision.reject(Code.NOT_FOUND, "There is no work item '" + c.item() + "' to review");
        }
        if (!item.completed()) {
            return LearningDecision.reject(Code.WRONG_STATE, "'" + item.title() + "' is not completed yet; its post-mortem "
                    + "is written once it is");
        }
        String wentWell = text(c.wentWell());
        String toChange = text(c.toChange());
        if (wentWell == null && toChange == null) {
            return LearningDecision.reject(Code.INVALID_INPUT, "Write what went well or what to change (or both); both are empty");
        }
        return LearningDecision.record(new PostMortemWritten(item.id().value(), item.title(), c.facts(), wentWell, toChange));
    }

    /**
     * @param sourceFound whether the source the insight names exists (the reviewed item's post-mortem)
     */
    public LearningDecision recordInsight(Actor actor, RecordInsight c, boolean sourceFound) {
        Rejection person = person(actor, "record an insight");
        if (person != null) {
            return LearningDecision.reject(person);
        }
        List<String> problems = new ArrayList<>();
        if (text(c.title()) == null) {
            problems.add("An insight needs a title: what was learned, in a line");
        }
        List<String> components = model.components().stream().map(Component::id).toList();
        if (c.tags().isEmpty()) {
            problems.add("Tag the insight with at least one component of the model (" + String.join(", ", components) + ")");
        }
        for (String tag : c.tags()) {
            if (!components.contains(tag)) {
                problems.add("'" + tag + "' is no component of " + model.name() + "; its components are "
                        + String.join(", ", components));
            }
        }
        String source = c.source() == null ? Insight.DIRECT : c.source();
        String ref = text(c.sourceRef());
        if (!Insight.SOURCES.contains(source)) {
            problems.add("An insight comes from a post-mortem, an experiment or directly (source " + String.join(", ",
                    Insight.SOURCES) + "), not '" + source + "'");
        } else if (!source.equals(Insight.DIRECT) && ref == null) {
            problems.add("An insight from " + Names.a(source.replace('-', ' ')) + " names it (sourceRef: "
                    + (source.equals(Insight.POST_MORTEM) ? "the reviewed item" : "the experiment's id") + ")");
        }
        if (!problems.isEmpty()) {
            return LearningDecision.reject(Code.INVALID_INPUT, String.join("; ", problems));
        }
        if (source.equals(Insight.POST_MORTEM) && !sourceFound) {
            return LearningDecision.reject(Code.NOT_FOUND, "There is no post-mortem of '" + ref + "'; write it first");
        }
        return LearningDecision.record(new InsightRecorded(c.title().strip(), text(c.finding()), c.tags(), source,
                source.equals(Insight.DIRECT) ? null : ref));
    }

    /** A change proposed on the current version's text: only one that writes into it and leaves it valid. */
    public LearningDecision propose(String insight, String currentText, int currentVersion, Actor actor,
                                    ProposedChange change) {
        Rejection person = person(actor, "propose a change to the model");
        if (person != null) {
            return LearningDecision.reject(person);
        }
        try {
            WrittenChange written = ChangeWriter.write(FILE, currentText, change);
            if (!written.valid()) {
                return LearningDecision.reject(Code.INVALID_INPUT, Names.capital(invalid(written, currentVersion)));
            }
            return LearningDecision.record(new ModelChangeProposed(insight, change.members(), currentVersion,
                    written.summary()));
        } catch (ChangeRefused e) {
            return LearningDecision.reject(Code.INVALID_INPUT, e.reason());
        }
    }

    /**
     * Writes an open proposal into the current version's text: the base version's change as it was
     * proposed, or written again on a newer version, refused with the reason when it no longer applies.
     */
    public Rewrite accept(ModelChangeProposal proposal, String currentText, int currentVersion, Actor actor) {
        Rejection person = person(actor, "decide on a change to the model");
        if (person == null) {
            person = open(proposal);
        }
        if (person != null) {
            return new Rewrite(null, person);
        }
        ProposedChange.Read read = ProposedChange.read(proposal.change());
        if (!read.ok()) {
            return new Rewrite(null, new Rejection(Code.WRONG_STATE, "The proposed change can't be read: "
                    + read.mistakes().get(0).message()));
        }
        String newer = currentVersion == proposal.baseVersion() ? ""
                : "It was proposed on model version " + proposal.baseVersion() + "; version " + currentVersion
                        + " is current and ";
        try {
            WrittenChange written = ChangeWriter.write(FILE, currentText, read.change());
            if (!written.valid()) {
                return new Rewrite(null, new Rejection(Code.WRONG_STATE, (newer.isEmpty() ? "" : newer + "on it ")
                        + invalid(written, currentVersion)));
            }
            return new Rewrite(written, null);
        } catch (ChangeRefused e) {
            return new Rewrite(null, new Rejection(Code.WRONG_STATE, newer.isEmpty() ? "The change no longer applies: "
                    + e.reason() : newer + "the change no longer applies to it: " + e.reason()
                    + ". Decline it, or propose it again on version " + currentVersion));
        }
    }

    public LearningDecision decline(ModelChangeProposal proposal, Actor actor, String reason) {
        Rejection refused = person(actor, "decide on a change to the model");
        if (refused == null) {
            refused = open(proposal);
        }
        if (refused != null) {
            return LearningDecision.reject(refused);
        }
        if (text(reason) == null) {
            return LearningDecision.reject(Code.INVALID_INPUT, "Say why the change is declined: the reason is empty");
        }
        return LearningDecision.record(new ModelChangeDeclined(proposal.insight(), reason.strip()));
    }

    private Rejection open(ModelChangeProposal p) {
        return switch (p.status()) {
            case OPEN -> null;
            case ACCEPTED -> new Rejection(Code.WRONG_STATE, "This change was accepted already by " + who(p.decidedBy())
                    + " on " + p.decidedAt() + ": it is model version " + p.acceptedAs());
            case DECLINED -> new Rejection(Code.WRONG_STATE, "This change was declined already by " + who(p.decidedBy())
                    + " on " + p.decidedAt() + " (" + p.reason() + ")");
        };
    }

    private static String invalid(WrittenChange written, int version) {
        List<Problem> errors = written.report().errors();
        return "the change would leave model version " + version + " with " + errors.size()
                + (errors.size() == 1 ? " error" : " errors") + ", so it can't become a model version: "
                + String.join("; ", errors.stream().limit(3).map(Problem::message).toList());
    }

    private Rejection person(Actor actor, String what) {
        if (actor != null && rights.isPerson(actor.personId())) {
            return null;
        }
        return new Rejection(Code.NOT_ALLOWED, "'" + (actor == null ? "nobody" : actor.personId()) + "' is not a person of "
                + model.name() + ", so they can't " + what);
    }

    private String who(String person) {
        return person == null ? "someone" : Names.person(model, person);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
