package dev.baton.app.roadmap.web;

import dev.baton.app.api.ApiException;
import dev.baton.app.json.Json;
import dev.baton.app.roadmap.CapacityAssumptions;
import dev.baton.app.roadmap.PublishRight;
import dev.baton.app.roadmap.RoadmapEntries;
import dev.baton.app.roadmap.RoadmapView;
import dev.baton.app.roadmap.Roadmaps;
import dev.baton.app.security.BatonUser;
import dev.baton.app.web.PageAdvice;
import dev.baton.engine.version.ModelVersions;
import dev.baton.engine.rights.Rights;
import dev.baton.model.BusinessFunction;
import dev.baton.model.OperatingModel;
import dev.baton.plan.roadmap.Assumptions;
import dev.baton.plan.roadmap.Comparison;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The roadmap page (/roadmap): initiatives entered in a form, the plan with what does not fit and
 * why, bottlenecks and the capacity the top initiatives need, a Gantt and a capacity heat map (each
 * with its table), a scenario compared with the published plan, and publishing for the holder of
 * the decision right. The planning is the plan module's; this only turns forms into its inputs.
 */
@Controller
class RoadmapPage {

    static final String EXAMPLE_SCENARIO = "name: One more person in the first function\nheadcount: {%s: 1}\n";

    private final Roadmaps roadmaps;
    private final RoadmapEntries entries;
    private final CapacityAssumptions assumptions;
    private final ModelVersions versions;

    RoadmapPage(Roadmaps roadmaps, RoadmapEntries entries, CapacityAssumptions assumptions, ModelVersions versions) {
        this.roadmaps = roadmaps;
        this.entries = entries;
        this.assumptions = assumptions;
        this.versions = versions;
    }

    @GetMapping("/roadmap")
    String show(@RequestParam(required = false) String quarters, @AuthenticationPrincipal BatonUser user, Model page,
                HttpServletResponse response) {
        PageAdvice.current(versions);
        try {
            return render(quarters, null, user, page, response);
        } catch (ApiException e) {
            return refused(e, null, user, page, response);
        }
    }

    @PostMapping("/roadmap/initiatives")
    String enter(@RequestParam Map<String, String> form, @AuthenticationPrincipal BatonUser user, Model page,
                 HttpServletResponse response, RedirectAttributes flash) {
        String id = blank(form.get("id"));
        try {
            RoadmapEntries.Saved saved = entries.enter(body(form), id, user.personId());
            flash.addFlashAttribute("flash", (saved.created() ? "Entered " : "Changed ") + "the initiative '"
                    + saved.entry().id() + "'; the plan below includes it.");
        } catch (ApiException e) {
            page.addAttribute("form", form);
            return refused(e, form.get("quarters"), user, page, response);
        }
        return "redirect:/roadmap" + quartersQuery(form.get("quarters"));
    }

    @PostMapping("/roadmap/assumptions")
    String assume(@RequestParam Map<String, String> form, @AuthenticationPrincipal BatonUser user, Model page,
                  HttpServletResponse response, RedirectAttributes flash) {
        try {
            assumptions.set(assumptionsBody(form), user.personId());
            flash.addFlashAttribute("flash", "Changed the capacity assumptions; the plan below uses them.");
        } catch (ApiException e) {
            page.addAttribute("assumptionsForm", form);
            return refused(e, form.get("quarters"), user, page, response);
        }
        return "redirect:/roadmap" + quartersQuery(form.get("quarters"));
    }

    /** The assumptions form as the API's JSON object (holidays written {@code 2027-Q4: 8, 2028-Q1: 3}). */
    static ObjectNode assumptionsBody(Map<String, String> form) {
        ObjectNode o = Json.mapper().createObjectNode();
        for (String key : List.of("workingDays", "runTheBusiness")) {
            String v = blank(form.get(key));
            if (v != null) {
                number(o, key, v);
            }
        }
        ObjectNode holidays = o.putObject("holidays");
        String text = blank(form.get("holidays"));
        if (text != null) {
            for (String pair : text.split("[,;]+")) {
                String[] kv = pair.split(":", 2);
                if (!pair.isBlank()) {
                    number(holidays, kv[0].strip(), kv.length < 2 ? "" : kv[1].strip());
                }
            }
        }
        return o;
    }

    /** A number where the text is one, else the text, for the API's checks to name. */
    private static void number(ObjectNode o, String key, String text) {
        try {
            o.put(key, Double.parseDouble(text));
        } catch (NumberFormatException e) {
            o.put(key, text);
        }
    }

    @PostMapping("/roadmap/initiatives/{id}/delete")
    String delete(@PathVariable String id, @RequestParam(required = false) String quarters, RedirectAttributes flash) {
        try {
            entries.delete(id);
            flash.addFlashAttribute("flash", "Removed the initiative '" + id + "'.");
        } catch (ApiException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/roadmap" + quartersQuery(quarters);
    }

    @PostMapping("/roadmap/scenario")
    String scenario(@RequestParam(required = false) String quarters, @RequestParam(required = false) String scenario,
                    @AuthenticationPrincipal BatonUser user, Model page, HttpServletResponse response) {
        page.addAttribute("scenarioText", scenario);
        try {
            return render(quarters, scenario, user, page, response);
        } catch (ApiException e) {
            return refused(e, quarters, user, page, response);
        }
    }

    @PostMapping("/roadmap/publish")
    String publish(@RequestParam(required = false) String quarters, @RequestParam(required = false) String hash,
                   @AuthenticationPrincipal BatonUser user, Model page, HttpServletResponse response,
                   RedirectAttributes flash) {
        try {
            Roadmaps.Planned planned = roadmaps.plan(roadmaps.board(roadmaps.quarters(quarters)));
            roadmaps.publish(planned, hash == null ? "" : hash, user.personId());
            flash.addFlashAttribute("flash", "Published the plan: scenarios are now compared with it, and re-planning keeps to it.");
        } catch (ApiException e) {
            return refused(e, quarters, user, page, response);
        }
        return "redirect:/roadmap" + quartersQuery(quarters);
    }

    private String refused(ApiException e, String quarters, BatonUser user, Model page, HttpServletResponse response) {
        page.addAttribute("problem", "Not done: " + e.getMessage());
        Object errors = e.properties().get("errors");
        if (errors instanceof List<?> list) {
            page.addAttribute("problems", list.stream().map(o -> o instanceof Map<?, ?> m ? m.get("member") + ": " + m.get("message")
                    : String.valueOf(o)).toList());
        }
        try {
            render(quarters, null, user, page, response);
        } catch (ApiException again) {
            render(null, null, user, page, response);
        }
        response.setStatus(e.status().value());
        return "roadmap";
    }

    private String render(String quarters, String scenario, BatonUser user, Model page,
                          HttpServletResponse response) {
        Roadmaps.Planned planned = roadmaps.plan(roadmaps.board(roadmaps.quarters(quarters)));
        OperatingModel model = planned.board().model().model();
        List<String> functions = model.functions().stream().map(BusinessFunction::id).toList();
        page.addAttribute("p", planned);
        page.addAttribute("quarters", planned.board().roadmap().quarters().get(0) + ".."
                + planned.board().roadmap().quarters().get(planned.board().roadmap().quarters().size() - 1));
        page.addAttribute("rows", RoadmapView.rows(planned));
        page.addAttribute("loads", RoadmapView.loads(planned));
        page.addAttribute("gantt", RoadmapView.gantt(planned));
        page.addAttribute("ganttHeight", Math.max(260, 30 * planned.result().plan().plannedCount() + 90));
        page.addAttribute("heat", RoadmapView.heat(planned));
        page.addAttribute("functions", functions);
        page.addAttribute("entered", entries.all());
        page.addAttribute("published", planned.board().published());
        PublishRight right = PublishRight.of(model);
        page.addAttribute("right", right.sentence());
        page.addAttribute("canPublish", right.heldBy(new Rights(model), user.personId()) != null);
        if (!page.containsAttribute("scenarioText")) {
            page.addAttribute("scenarioText", String.format(EXAMPLE_SCENARIO, functions.isEmpty() ? "content" : functions.get(0)));
        }
        if (scenario != null) {
            Comparison c = roadmaps.compare(planned, roadmaps.scenario(planned.board(), scenario));
            page.addAttribute("comparison", c);
            page.addAttribute("valueRows", RoadmapView.values(planned, c));
            page.addAttribute("useRows", RoadmapView.uses(planned, c));
        }
        if (!page.containsAttribute("form")) {
            page.addAttribute("form", Map.of());
        }
        Assumptions a = planned.board().assumptions().assumptions();
        String holidays = String.join(", ", a.holidays().entrySet().stream()
                .map(e -> e.getKey() + ": " + days(e.getValue())).toList());
        page.addAttribute("holidaysText", holidays);
        page.addAttribute("workingDaysText", days(a.workingDays()));
        page.addAttribute("runTheBusinessText", days(Math.round(a.runTheBusiness() * 1000) / 10.0));
        if (!page.containsAttribute("assumptionsForm")) {
            page.addAttribute("assumptionsForm", Map.of("workingDays", days(a.workingDays()),
                    "runTheBusiness", days(a.runTheBusiness()), "holidays", holidays));
        }
        return "roadmap";
    }

    /** The form as the API's JSON object, so that both are checked by the same rules and name the same members. */
    static ObjectNode body(Map<String, String> form) {
        ObjectNode o = Json.mapper().createObjectNode();
        for (String key : List.of("id", "title", "theme", "earliest", "deadline")) {
            String v = blank(form.get(key));
            if (v != null) {
                o.put(key, v);
            }
        }
        if (blank(form.get("deadline")) != null) {
            o.put("deadlineKind", form.getOrDefault("deadlineKind", "soft"));
        }
        String value = blank(form.get("value"));
        if (value != null) {
            number(o, "value", value);
        }
        ObjectNode effort = o.putObject("effort");
        Map<String, String> sorted = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("effort.") && blank(v) != null) {
                sorted.put(k.substring("effort.".length()), v);
            }
        });
        sorted.forEach((f, text) -> {
            ArrayNode days = effort.putArray(f);
            for (String d : text.strip().split("[,;\\s]+")) {
                try {
                    days.add(Integer.parseInt(d));
                } catch (NumberFormatException e) {
                    days.add(d);
                }
            }
        });
        String deps = blank(form.get("dependsOn"));
        if (deps != null) {
            ArrayNode list = o.putArray("dependsOn");
            for (String d : deps.split("[,;\\s]+")) {
                list.add(d);
            }
        }
        return o;
    }

    /** 60 rather than 60.0; 0.25 as it is. */
    private static String days(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String quartersQuery(String quarters) {
        return blank(quarters) == null ? "" : "?quarters=" + java.net.URLEncoder.encode(quarters.strip(),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
