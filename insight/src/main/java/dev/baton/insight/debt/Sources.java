package dev.baton.insight.debt;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.event.SourceSystem;
import dev.baton.engine.intake.IntakeEvent;
import dev.baton.engine.item.WorkItemEvent.ApprovalDenied;
import dev.baton.engine.item.WorkItemEvent.ApprovalGranted;
import dev.baton.engine.item.WorkItemEvent.ApprovalRequested;
import dev.baton.engine.item.WorkItemEvent.HandoffAccepted;
import dev.baton.engine.item.WorkItemEvent.HandoffRejected;
import dev.baton.engine.item.WorkItemEvent.HandoffSent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where an item's history comes from, and what that source records. The source of an event is
 * {@link SourceSystem#of}: {@link #BATON} for what the engine recorded, else the tool its import
 * id names ({@code jira:10125:created}). An item belongs to the source of its
 * first event. Baton's own engine records every {@link Signal}; any other source records those
 * its events show (a Jira export with no assignee change records no owners).
 */
public final class Sources {

    /** Events recorded by Baton itself (the engine, the simulator). */
    public static final String BATON = SourceSystem.BATON;
    /** The key of a tally merged over several sources. */
    static final String ALL = "*";

    private Sources() {
    }

    /** The source of an event: {@code baton}, or the tool its id names ({@link SourceSystem}). */
    public static String of(RecordedEvent e) {
        return SourceSystem.of(e);
    }

    /** The signals this event shows its source can record. */
    static Set<Signal> shownBy(RecordedEvent e) {
        Object event = e.event();
        if (event instanceof StageEntered) {
            return EnumSet.of(Signal.STAGES);
        }
        if (event instanceof OwnerAssigned) {
            return EnumSet.of(Signal.OWNERS);
        }
        if (event instanceof ApprovalRequested || event instanceof ApprovalGranted || event instanceof ApprovalDenied) {
            return EnumSet.of(Signal.APPROVALS);
        }
        if (event instanceof HandoffSent || event instanceof HandoffAccepted || event instanceof HandoffRejected) {
            return EnumSet.of(Signal.HANDOFFS);
        }
        if (event instanceof IntakeEvent) {
            return EnumSet.of(Signal.INTAKE);
        }
        if (event instanceof ItemCreated c) {
            EnumSet<Signal> shown = EnumSet.of(Signal.STAGES);
            if (c.fromRequest() != null) {
                shown.add(Signal.INTAKE);
            }
            if (c.parent() != null && !c.parent().isBlank()) {
                shown.add(Signal.GOALS);
            }
            return shown;
        }
        return Set.of();
    }
}
