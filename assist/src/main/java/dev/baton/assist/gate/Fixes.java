package dev.baton.assist.gate;

import java.util.Map;

/** What would make a failing readiness condition pass, in words a team lead acts on. */
final class Fixes {

    private static final Map<String, String> BY_CONDITION = Map.ofEntries(
            Map.entry("clear-inputs-outputs", "declare a template with required fields for the work type, list on each "
                    + "stage the fields it must fill on exit (exit:), and fill them on the items"),
            Map.entry("defined-handoffs", "declare a handoff with the fields it requires for every change of function "
                    + "(handoffs:) and accept or reject handoffs in Baton"),
            Map.entry("defined-ownership", "give every stage an owner and one accountable approver (decision: approver:), "
                    + "and keep an owner on every item"),
            Map.entry("structured-workflow", "declare at least two stages and move the items through the declared flow "
                    + "(flow conformance in baton analyze shows where they leave it)"),
            Map.entry("prioritised-work", "add an intake form for the work type and a prioritisation scheme "
                    + "(intake: prioritization:), and let fewer items bypass intake as urgent"),
            Map.entry("standard-templates", "declare a template with required fields and name it in the work type (template:)"),
            Map.entry("system-of-record", "record the work type's items in Baton from their creation (at least 20 items)"),
            Map.entry("debt-not-severe", "bring the debt score below 50 first: work the top actions of baton analyze"),
            Map.entry("intake-forms", "add an intake form (intake: forms:) so that requests arrive in one place"),
            Map.entry("form-templates", "give every intake form a template with required fields (template:), so that "
                    + "requests say what the work needs"),
            Map.entry("form-work-types", "name the work type each intake form becomes (work-type:)"),
            Map.entry("prioritisation-scheme", "declare how requests are ranked (intake: prioritization: scheme: rice, "
                    + "wsjf or weighted)"),
            Map.entry("audience-owner", "declare the audience component (who the segments are) with exactly one owner "
                    + "(components: - { id: audience, owner: … })"),
            Map.entry("messaging-owner", "declare the messaging component (positioning and messaging) with exactly one "
                    + "owner (components: - { id: messaging, owner: … })"));

    private Fixes() {
    }

    static String of(String conditionId) {
        return BY_CONDITION.getOrDefault(conditionId, "see the AI readiness section of baton analyze for what it measures");
    }
}
