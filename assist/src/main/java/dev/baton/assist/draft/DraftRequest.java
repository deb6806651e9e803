package dev.baton.assist.draft;

import dev.baton.assist.similar.Match;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a brief draft is made from.
 *
 * @param template      the work type's template (null when it has none: the draft is then empty)
 * @param text          the request as the person wrote it
 * @param similarBriefs past items and requests of the work type, most similar first
 * @param today         the day the request is read on: a date without a year is its next occurrence from here
 * @param channels      the channel names past briefs of the work type used, so that a request naming one is understood
 */
public record DraftRequest(OperatingModel model, WorkType workType, Template template, String text,
                           List<Match> similarBriefs, LocalDate today, Set<String> channels) {

    public DraftRequest {
        similarBriefs = List.copyOf(similarBriefs);
        channels = Set.copyOf(channels);
    }
}
