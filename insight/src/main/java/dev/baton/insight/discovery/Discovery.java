package dev.baton.insight.discovery;

import dev.baton.insight.log.EventLog;

/** Process discovery: how work really flows, from the event log alone. */
public final class Discovery {

    private Discovery() {
    }

    /** The directly-follows graph, start and end activities and variants of the whole log. */
    public static ProcessMap processMap(EventLog log) {
        return DirectlyFollowsSummary.of(log).toProcessMap();
    }
}
