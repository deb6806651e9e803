package dev.baton.engine.intake;

import java.util.List;
import java.util.Map;

/** What a person asks of an intake request. "No" and "later" are explicit decisions with reasons. */
public sealed interface IntakeCommand {

    /** Submit a request through a form: the form's template fields, checked for type and required. */
    record SubmitRequest(String form, String title, Map<String, Object> fields) implements IntakeCommand {
    }

    /** Accept: creates the work item (the form's work type) and records the request as accepted. */
    record AcceptRequest(String reason) implements IntakeCommand {
    }

    /** Decline, with a reason the requester will read. */
    record DeclineRequest(String reason) implements IntakeCommand {
    }

    /** Defer until a date (ISO-8601, e.g. {@code 2026-04-01}; null: until someone decides again), with a reason. */
    record DeferRequest(String until, String reason) implements IntakeCommand {
    }

    /** The names of the commands as the REST API spells them. */
    List<String> NAMES = List.of("submit", "accept", "decline", "defer");
}
