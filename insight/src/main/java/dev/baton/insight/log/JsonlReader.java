package dev.baton.insight.log;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.engine.jsonl.EventLogFormatException;
import dev.baton.engine.jsonl.Activities;
import dev.baton.engine.jsonl.EventLogJsonl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads Baton's own JSONL log (docs/event-log.md) as a process-mining log: a case is a
 * {@code stream}, its activities are the stages it enters ({@code ItemCreated}'s stage,
 * {@code StageEntered}'s {@code to}) at the event's {@code at}, by its {@code actor}. The case
 * keeps the item's work type as attribute {@code work_type}; a stage entered as rework carries
 * {@code rework=true}. Other events are not activities (the debt report reads them from the
 * JSONL file itself); streams without stage events (intake requests) are no cases. As every reader
 * of the log, it leaves out the events of retracted import batches.
 */
public final class JsonlReader {

    /** The case attribute holding a case's work type (CSV logs name their column so too). */
    public static final String WORK_TYPE = "work_type";
    static final String REWORK = "rework";

    private final String file;
    /** Import batches retracted later in the log: their events are not part of the log as it stands. */
    private final java.util.Set<String> retracted;

    JsonlReader(String file) {
        this(file, java.util.Set.of());
    }

    JsonlReader(String file, java.util.Set<String> retracted) {
        this.file = file;
        this.retracted = retracted;
    }

    EventLog read(InputStream in) {
        EventLog log = readPart(in);
        if (log.eventCount() == 0) {
            throw new LogFormatException(file, 0, 0, "expected ItemCreated or StageEntered events, found none");
        }
        return log;
    }

    /**
     * The cases of some of a log's lines (every line of each stream they hold, in log order), for a
     * reader that splits a log by stream and merges per-part summaries (the scale module's Spark
     * jobs): the same cases the whole log gives, and no error when a part has no stage event.
     */
    public static EventLog readPart(String name, InputStream in, java.util.Set<String> retracted) {
        return new JsonlReader(name, retracted).readPart(in);
    }

    private EventLog readPart(InputStream in) {
        EventLogBuilder log = EventLog.builder(file);
        try {
            EventLogJsonl.read(in, dev.baton.engine.batch.ImportBatches.standing(retracted, event -> add(log, event)));
        } catch (EventLogFormatException e) {
            String message = e.getMessage();
            String problem = message.startsWith("line ") && message.contains(": ")
                    ? message.substring(message.indexOf(": ") + 2) : message;
            throw new LogFormatException(file, e.line(), 0, problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log.build(false);
    }

    /**
     * The activity a Baton event contributes to a process-mining log (docs/event-log.md): the stage
     * an item was created in or entered; null for every other event. Readers of the JSONL file that
     * build their own logs (the debt report) use this too, so that both agree.
     */
    public static String activity(RecordedEvent event) {
        return Activities.stage(event.event());
    }

    private static void add(EventLogBuilder log, RecordedEvent event) {
        String stage = activity(event);
        if (stage == null) {
            return;
        }
        boolean rework = event.event() instanceof StageEntered entered && entered.rework();
        int c = log.caseIndex(event.stream());
        log.event(c, stage, event.at().toEpochMilli(), event.actor());
        if (rework) {
            log.attribute(REWORK, "true");
        }
        if (event.workType() != null) {
            log.caseAttribute(c, WORK_TYPE, event.workType());
        }
    }
}
