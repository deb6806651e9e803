package dev.baton.app.web;

import dev.baton.app.notify.PreferenceStore;
import dev.baton.app.notify.PreferencesForm;
import dev.baton.app.notify.ReportSubscriptions;
import dev.baton.app.security.BatonUser;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.insight.weekly.Audience;
import dev.baton.insight.weekly.Week;
import dev.baton.insight.weekly.WeeklyAnalysis;
import dev.baton.insight.weekly.WeeklyReport;
import dev.baton.insight.weekly.WeeklyReportHtml;
import dev.baton.model.OperatingModel;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The weekly status report in the web app ({@code /reports/weekly}): for everyone, a team, a
 * person or an initiative, a week and a zone, with the CLI's defaults (everyone, the last complete
 * week of the log, UTC). The content is {@link WeeklyReportHtml#body}, the same as the CLI's HTML;
 * each line links its item's page. Below it, the signed-in person's subscriptions to the report by email.
 */
@Controller
class WeeklyReportPage {

    private final WeeklyReports reports;
    private final ReportSubscriptions subscriptions;
    private final PreferenceStore preferences;
    private final ModelVersions versions;
    private final Clock clock;

    WeeklyReportPage(WeeklyReports reports, ReportSubscriptions subscriptions, PreferenceStore preferences,
                     ModelVersions versions, Clock clock) {
        this.reports = reports;
        this.subscriptions = subscriptions;
        this.preferences = preferences;
        this.versions = versions;
        this.clock = clock;
    }

    /** What the pickers show, as typed. */
    record Choice(String team, String person, String initiative, String week, String zone) {
    }

    record Option(String id, String name) {
    }

    @GetMapping("/reports/weekly")
    String weekly(@RequestParam(defaultValue = "") String team, @RequestParam(defaultValue = "") String person,
                  @RequestParam(defaultValue = "") String initiative, @RequestParam(defaultValue = "") String week,
                  @RequestParam(defaultValue = "UTC") String zone, @AuthenticationPrincipal BatonUser user, Model page,
                  HttpServletResponse response) {
        ModelVersion current = PageAdvice.current(versions);
        OperatingModel model = current.model();
        page.addAttribute("choice", new Choice(team, person, initiative, week, zone));
        page.addAttribute("teams", model.teams().stream().map(t -> new Option(t.id(), t.name())).toList());
        page.addAttribute("people", model.people().stream().map(p -> new Option(p.id(), p.name())).toList());
        page.addAttribute("weekdays", java.util.Arrays.stream(DayOfWeek.values())
                .map(d -> d.name().toLowerCase(Locale.ROOT)).toList());
        page.addAttribute("subscriptions", subscriptions.of(user.personId()));
        page.addAttribute("email", preferences.of(user.personId()).email());
        List<String> problems = new ArrayList<>();
        ZoneId zoneId = ZoneId.of("UTC");
        try {
            zoneId = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            problems.add("expected a time zone like UTC or Europe/Berlin, found '" + zone + "'");
        }
        Audience audience = null;
        Map<String, String> whom = new LinkedHashMap<>();
        if (!team.isBlank()) whom.put("team", team.strip());
        if (!person.isBlank()) whom.put("person", person.strip());
        if (!initiative.isBlank()) whom.put("initiative", initiative.strip());
        if (whom.size() > 1) {
            problems.add("expected at most one of team, person and initiative, found " + String.join(" and ", whom.keySet()));
        } else {
            try {
                audience = whom.isEmpty() ? Audience.EVERYONE : WeeklyReports.audience(model, whom.keySet().iterator().next(),
                        whom.values().iterator().next());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage().replace("--", ""));
            }
        }
        Week chosen = null;
        if (!week.isBlank()) {
            try {
                chosen = Week.parse(week.strip(), zoneId);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage().replace("--", ""));
            }
        }
        if (problems.isEmpty()) {
            if (chosen == null) {
                Optional<Week> last = reports.lastCompleteWeek(zoneId);
                if (last.isEmpty()) {
                    page.addAttribute("empty", "The log has no work items yet: nothing to report.");
                    return "weekly";
                }
                chosen = last.get();
            }
            try {
                WeeklyReport r = reports.report(audience, chosen);
                page.addAttribute("report", WeeklyReportHtml.body(r, null));
                // the narrative only turns the report's facts into prose, each sentence citing its lines
                page.addAttribute("narrative", dev.baton.assist.narrative.WeeklyNarrative.of(r));
                page.addAttribute("shownWeek", chosen.key());
            } catch (WeeklyAnalysis.UnknownInitiative e) {
                problems.add(e.getMessage().replace("--", ""));
            }
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            page.addAttribute("problem", String.join("; ", problems));
        }
        return "weekly";
    }

    @PostMapping("/reports/weekly/subscriptions")
    String subscribe(@RequestParam Map<String, String> form, @AuthenticationPrincipal BatonUser user,
                     RedirectAttributes flash) {
        OperatingModel model = PageAdvice.current(versions).model();
        ReportSubscriptions.Read read = ReportSubscriptions.read(form, user.personId(), model);
        if (read.subscription() == null) {
            flash.addFlashAttribute("problem", String.join("; ", read.mistakes().stream()
                    .map(PreferencesForm.Mistake::message).toList()));
        } else if (preferences.of(user.personId()).email() == null) {
            flash.addFlashAttribute("problem", "Set your email address in your notification preferences (Inbox) first.");
        } else {
            ReportSubscriptions.Subscription s = subscriptions.add(read.subscription(), clock.instant());
            flash.addFlashAttribute("flash", "Subscribed: " + s.describe());
        }
        return "redirect:/reports/weekly";
    }

    @PostMapping("/reports/weekly/subscriptions/{id}/delete")
    String unsubscribe(@PathVariable long id, @AuthenticationPrincipal BatonUser user, RedirectAttributes flash) {
        boolean removed = subscriptions.remove(user.personId(), id);
        flash.addFlashAttribute(removed ? "flash" : "problem", removed ? "Unsubscribed." : "You have no such subscription.");
        return "redirect:/reports/weekly";
    }
}
