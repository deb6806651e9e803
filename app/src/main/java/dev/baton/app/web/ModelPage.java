package dev.baton.app.web;

import dev.baton.app.security.BatonUser;
import dev.baton.engine.rights.Names;
import dev.baton.engine.version.ModelUpload;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.GateMode;
import dev.baton.model.Handoff;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.WorkType;
import dev.baton.model.problem.Problem;
import dev.baton.insight.picture.FlowSvg;
import dev.baton.model.show.HandoffChain;
import dev.baton.model.show.OwnershipTable;
import dev.baton.model.show.RaciMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The operating model as a page: each work type's flow (SVG), stages, RACI matrix and handoff
 * chain, the ownership table and the model's own warnings — all from the same {@code show}
 * helpers and validation as {@code baton model show} and {@code baton model validate}. Ops and
 * admins upload a new version here; an invalid one is refused with every error at its line.
 */
@Controller
class ModelPage {

    private final ModelVersions versions;
    private final ModelWarnings warnings;

    ModelPage(ModelVersions versions, ModelWarnings warnings) {
        this.versions = versions;
        this.warnings = warnings;
    }

    record StageRow(String id, String name, String kind, String owner, String sla, String gate, String exit,
                    boolean optional) {
    }

    record HandoffRow(String from, String to, String at, String requires, String artifacts, String sla) {
    }

    record Raci(List<String> columns, List<List<String>> rows, List<String> notes, String legend) {
    }

    record WorkTypeView(String id, String name, String svg, List<StageRow> stages, Raci raci,
                        List<HandoffRow> handoffs, String chain) {
    }

    record OwnerRow(String component, String name, String owners, String functions, boolean core, String flags) {
    }

    /** An error or warning with the source lines around it. */
    record ProblemView(int line, int column, String severity, String code, String message) {
    }

    record SourceLine(int number, String text, boolean bad) {
    }

    @GetMapping("/model")
    String show(Model page) {
        versions.current().ifPresent(current -> describe(current, page));
        page.addAttribute("versions", newestFirst());
        return "model";
    }

    @PostMapping("/model")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "source", required = false) String pasted,
                  @AuthenticationPrincipal BatonUser user, Model page, RedirectAttributes flash,
                  HttpServletResponse response) throws IOException {
        String name = file != null && !file.isEmpty() && file.getOriginalFilename() != null
                ? file.getOriginalFilename() : "model.yaml";
        String source = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : pasted;
        if (source == null || source.isBlank()) {
            return refused(page, response, "Choose a model file (YAML) or paste its text; nothing was uploaded.",
                    List.of(), List.of());
        }
        ModelUpload upload = versions.upload(name, source, user.username());
        if (upload.refused()) {
            page.addAttribute("uploadName", name);
            page.addAttribute("uploadSource", source);
            return refused(page, response, name + " was not stored: " + upload.refusal().detail(), List.of(), List.of());
        }
        if (!upload.accepted()) {
            List<Problem> errors = upload.report().errors();
            Set<Integer> bad = errors.stream().map(Problem::line).collect(Collectors.toSet());
            String[] lines = source.split("\r?\n", -1);
            List<SourceLine> numbered = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                numbered.add(new SourceLine(i + 1, lines[i], bad.contains(i + 1)));
            }
            page.addAttribute("uploadName", name);
            page.addAttribute("uploadSource", source);
            return refused(page, response, name + " has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                    + "; nothing was stored. Fix " + (errors.size() == 1 ? "it" : "them") + " and upload again.",
                    problems(upload.report().problems()), numbered);
        }
        flash.addFlashAttribute("flash", upload.unchanged()
                ? "That is the current model (version " + upload.version().number() + ") unchanged; nothing new was stored."
                : "Stored " + name + " as model version " + upload.version().number() + " with "
                        + upload.report().warnings().size() + " warnings. New work follows it; work in flight keeps its version.");
        if (!upload.unchanged() && upload.version().number() > 1) {
            flash.addFlashAttribute("migrateFrom", upload.version().number() - 1);
            flash.addFlashAttribute("migrateTo", upload.version().number());
        }
        return "redirect:/model";
    }

    private String refused(Model page, HttpServletResponse response, String message, List<ProblemView> problems,
                           List<SourceLine> lines) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        versions.current().ifPresent(current -> describe(current, page));
        page.addAttribute("versions", newestFirst());
        page.addAttribute("uploadError", message);
        page.addAttribute("uploadProblems", problems);
        page.addAttribute("uploadLines", lines);
        return "model";
    }

    private List<ModelVersion> newestFirst() {
        List<ModelVersion> all = new ArrayList<>(versions.all());
        java.util.Collections.reverse(all);
        return all;
    }

    private void describe(ModelVersion current, Model page) {
        OperatingModel model = current.model();
        page.addAttribute("current", current);
        page.addAttribute("workTypes", model.workTypes().stream().map(w -> workType(model, w)).toList());
        page.addAttribute("ownership", OwnershipTable.of(model).rows().stream().map(r -> new OwnerRow(r.component(),
                r.name(), r.owners().stream().map(o -> Names.party(model, o)).collect(Collectors.joining(", ")),
                String.join(", ", r.functions()), r.core(), Arrays.stream(OwnershipTable.Flag.values())
                .filter(r.flags()::contains).map(OwnershipTable.Flag::text).collect(Collectors.joining(", "))))
                .toList());
        page.addAttribute("warnings", problems(warnings.of(current).warnings()));
    }

    static WorkTypeView workType(OperatingModel model, WorkType w) {
        List<StageRow> stages = w.stages().stream().map(s -> new StageRow(s.id(), Names.stage(w, s.id()),
                s.kind() == null ? "-" : s.kind().id(), s.owner() == null ? "no owner" : Names.party(model, s.owner()),
                s.sla() == null ? "-" : s.sla().text(), gate(model, s), String.join(", ", s.exit()), s.optional()))
                .toList();
        RaciMatrix matrix = RaciMatrix.of(model, w);
        List<List<String>> rows = matrix.stages().stream().map(stage -> {
            List<String> row = new ArrayList<>();
            row.add(Names.stage(w, stage));
            matrix.columns().forEach(c -> row.add(matrix.cell(stage, c)));
            return row;
        }).toList();
        Raci raci = new Raci(matrix.columns().stream().map(c -> Names.party(model, c)).toList(), rows,
                matrix.notes(), RaciMatrix.LEGEND);
        HandoffChain chain = HandoffChain.of(model, w);
        List<HandoffRow> handoffs = chain.handoffs().stream().map(h -> new HandoffRow(Names.party(model, h.from()),
                Names.party(model, h.to()), h.at() == null ? "-" : Names.stage(w, h.at().from()) + " → "
                + Names.stage(w, h.at().to()), String.join(", ", h.requires()), String.join(", ", h.artifacts()),
                h.sla() == null ? "-" : h.sla().text())).toList();
        return new WorkTypeView(w.id(), Names.workType(w), declaredFlow(model, w), stages, raci, handoffs,
                chain.summary());
    }

    /** The declared flow as SVG: stages with kind, owner, SLA and gate; handoffs on their edges. */
    static String declaredFlow(OperatingModel model, WorkType w) {
        List<FlowSvg.Node> nodes = w.stages().stream().map(s -> {
            List<String> lines = new ArrayList<>();
            lines.add((s.kind() == null ? "" : s.kind().id()) + (s.optional() ? " · optional" : "")
                    + (s.sla() == null ? "" : " · SLA " + s.sla().text()));
            lines.add(s.owner() == null ? "no owner" : Names.party(model, s.owner()));
            if (s.gate() != null) {
                lines.add("gate: " + (s.gate().mode() == GateMode.ALL ? "all of " : "any of ")
                        + s.gate().approvers().size() + " approvers");
            }
            return new FlowSvg.Node(s.id(), Names.stage(w, s.id()), lines, s.kind() == null ? null : s.kind().id());
        }).toList();
        List<FlowSvg.Edge> edges = new ArrayList<>();
        for (StageChange change : w.stageChanges()) {
            Handoff handoff = model.handoffsOf(w.id()).stream().filter(h -> change.equals(h.at())).findFirst()
                    .orElse(null);
            edges.add(new FlowSvg.Edge(change.from(), change.to(), handoff == null ? null
                    : Names.party(model, handoff.from()) + " → " + Names.party(model, handoff.to()),
                    handoff == null ? "normal" : "handoff", handoff == null ? 1.2 : 2));
        }
        return FlowSvg.render("Declared flow of " + Names.workType(w), nodes, edges);
    }

    static String gate(OperatingModel model, Stage s) {
        if (s.gate() == null) {
            return "-";
        }
        List<String> names = s.gate().approvers().stream().map(a -> Names.party(model, a)).toList();
        return (s.gate().mode() == GateMode.ALL ? "all of " : "any of ") + String.join(", ", names);
    }

    static List<ProblemView> problems(List<Problem> problems) {
        return problems.stream().map(p -> new ProblemView(p.line(), p.column(), p.severity().label(), p.code(),
                p.message())).toList();
    }
}
