package dev.baton.app.web;

import dev.baton.app.security.BatonUser;
import dev.baton.engine.Actor;
import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeCommand;
import dev.baton.engine.intake.RequestId;
import dev.baton.engine.item.WorkItemCommand;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.OperatingModel;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Runs a page's command through the engine, exactly as the REST API does: the signed-in user's
 * person is the actor, the version the page showed is the expected version, and the form's
 * one-time key makes a double submit record nothing twice. The outcome is a sentence: what was
 * recorded, or the rule that refused it.
 */
@Component
class Commands {

    private final Engine engine;
    private final ModelVersions versions;

    Commands(Engine engine, ModelVersions versions) {
        this.engine = engine;
        this.versions = versions;
    }

    /** What became of a command, as a page says it. */
    record Outcome(boolean ok, String message, String stream, CommandResult result) {
    }

    Outcome item(BatonUser user, String itemId, Long expectedVersion, String key, WorkItemCommand command) {
        CommandResult result = engine.handle(new WorkItemId(itemId), expectedVersion, commandId(user, key),
                new Actor(user.personId()), command);
        return outcome(result, itemId);
    }

    Outcome create(BatonUser user, String key, WorkItemCommand.CreateItem command) {
        return outcome(engine.create(null, commandId(user, key), new Actor(user.personId()), command), null);
    }

    Outcome submit(BatonUser user, String key, IntakeCommand.SubmitRequest command) {
        return outcome(engine.submit(null, commandId(user, key), new Actor(user.personId()), command), null);
    }

    Outcome decide(BatonUser user, String requestId, Long expectedVersion, String key, IntakeCommand command) {
        return outcome(engine.decide(new RequestId(requestId), expectedVersion, commandId(user, key),
                new Actor(user.personId()), command), requestId);
    }

    private Outcome outcome(CommandResult result, String stream) {
        if (result instanceof CommandResult.Rejected r) {
            return new Outcome(false, r.rejection().sentence(), stream, result);
        }
        CommandResult.Recorded recorded = (CommandResult.Recorded) result;
        OperatingModel model = versions.get(recorded.events().get(0).modelVersion())
                .or(versions::current).orElseThrow().model();
        String done = recorded.events().stream().map(e -> sentence(model, e)).collect(Collectors.joining("; "));
        return new Outcome(true, (recorded.replayed() ? "Already done: " : "Done: ") + done, recorded.stream(), result);
    }

    private static String sentence(OperatingModel model, RecordedEvent e) {
        EventSentences.Line line = EventSentences.of(model, e);
        return line.actor() + " " + line.sentence();
    }

    /** Keys are per user, as in the API: one user's key never replays another user's command. */
    private static String commandId(BatonUser user, String key) {
        return key == null || key.isBlank() || key.length() > 100 ? null : "web:" + user.username() + ":" + key;
    }
}
