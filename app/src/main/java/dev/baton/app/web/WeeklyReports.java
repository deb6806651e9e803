package dev.baton.app.web;

import dev.baton.app.notify.Letter;
import dev.baton.app.notify.ReportLetters;
import dev.baton.app.notify.ReportSubscriptions;
import dev.baton.app.store.LogSource;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.insight.weekly.Audience;
import dev.baton.insight.weekly.Week;
import dev.baton.insight.weekly.WeeklyAnalysis;
import dev.baton.insight.weekly.WeeklyReport;
import dev.baton.insight.weekly.WeeklyReportHtml;
import dev.baton.insight.weekly.WeeklyReportMarkdown;
import dev.baton.insight.weekly.WeeklyWords;
import dev.baton.model.OperatingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The weekly status report of the server's own log, as {@code baton report weekly} writes it for a
 * log file (the same {@link WeeklyAnalysis}, against the current model): for the web page, and as
 * the email of a subscription.
 */
@Component
public class WeeklyReports implements ReportLetters {

    /** How the report names the server's log. */
    static final String LOG_NAME = "Baton's event log";

    private final EventStore store;
    private final ModelVersions versions;
    private final ModelWarnings warnings;
    private final String baseUrl;

    WeeklyReports(EventStore store, ModelVersions versions, ModelWarnings warnings,
                  @Value("${baton.base-url:http://localhost:${server.port:8080}}") String baseUrl) {
        this.store = store;
        this.versions = versions;
        this.warnings = warnings;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** The CLI's default week: the last complete week of the log; empty when it has no work items. */
    public Optional<Week> lastCompleteWeek(ZoneId zone) {
        try {
            return WeeklyAnalysis.lastCompleteWeek(new LogSource(store), zone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws WeeklyAnalysis.UnknownInitiative when an initiative names no item by the week's end */
    public WeeklyReport report(Audience audience, Week week) {
        ModelVersion model = PageAdvice.current(versions);
        try {
            return WeeklyAnalysis.report(model.model(), warnings.of(model).warnings(), LOG_NAME, new LogSource(store),
                    audience, week);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The audience a subscription or a page names, checked against the model as the CLI checks it. */
    static Audience audience(OperatingModel model, String kind, String id) {
        return switch (kind) {
            case "team" -> Audience.team(model, id);
            case "person" -> Audience.person(model, id);
            case "initiative" -> Audience.initiative(id);
            default -> Audience.EVERYONE;
        };
    }

    @Override
    public Letter weekly(ReportSubscriptions.Subscription s, String week) {
        OperatingModel model = PageAdvice.current(versions).model();
        WeeklyReport r = report(audience(model, s.audience(), s.audienceId()), Week.parse(week, s.zone()));
        return new Letter("[Baton] " + WeeklyWords.heading(r), WeeklyReportMarkdown.render(r, baseUrl),
                WeeklyReportHtml.render(r, baseUrl));
    }
}
