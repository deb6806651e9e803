package dev.baton.engine.learning;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.learning.LearningEvent.PostMortemWritten;
import java.time.Instant;
import java.util.List;

/** A post-mortem as its stream left it: the latest text written for the item. */
public record PostMortem(String item, String title, List<String> facts, String wentWell, String toChange,
                         String writtenBy, Instant writtenAt, long version) {

    /** The state after the stream's first event, or null when that is no post-mortem. */
    public static PostMortem start(RecordedEvent e) {
        return e.event() instanceof PostMortemWritten w ? new PostMortem(w.item(), w.title(), w.facts(), w.wentWell(),
                w.toChange(), e.actor(), e.at(), e.version()) : null;
    }

    public PostMortem apply(RecordedEvent e) {
        PostMortem next = start(e);
        return next != null ? next : this;
    }
}
