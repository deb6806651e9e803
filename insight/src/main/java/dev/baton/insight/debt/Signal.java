package dev.baton.insight.debt;

/**
 * What a history must be able to record for a debt component to judge it. Baton's own engine
 * records all of them; a tool's export records what that tool knows (Jira: stages, owners,
 * priorities; never Baton's intake requests or handoff contracts). A source is taken to record a
 * signal when any of its events carries it (see {@link Sources}).
 */
public enum Signal {
    STAGES("stage changes"),
    OWNERS("owners"),
    INTAKE("intake requests"),
    APPROVALS("approvals"),
    HANDOFFS("handoffs sent and accepted"),
    GOALS("parent items or success metrics");

    private final String noun;

    Signal(String noun) {
        this.noun = noun;
    }

    /** How a sentence names it: "records no owners". */
    public String noun() {
        return noun;
    }
}
