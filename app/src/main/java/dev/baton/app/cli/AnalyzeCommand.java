package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.app.outcome.LeadHandoffs;
import dev.baton.exchange.importing.Importer;
import dev.baton.exchange.importing.LogImport;
import dev.baton.exchange.importing.Progress;
import dev.baton.exchange.importing.SourceKinds;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.mapping.MappingCheck;
import dev.baton.exchange.mapping.MappingReader;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.source.SourceReader;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.tools.PeopleAcrossTools;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.DebtReportHtml;
import dev.baton.insight.debt.DebtReportJson;
import dev.baton.insight.debt.DebtReportText;
import dev.baton.insight.debt.LeadHandoff;
import dev.baton.measure.funnel.Dimension;
import dev.baton.measure.funnel.Funnel;
import dev.baton.insight.debt.ModelHistory;
import dev.baton.insight.debt.Scope;
import dev.baton.insight.log.LogFormatException;
import dev.baton.model.OperatingModel;
import dev.baton.model.problem.Problem;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code baton analyze --model MODEL.yaml --log LOG [--format text|json|html] [--out FILE]}: the
 * orchestration-debt report of a log against the model (docs/debt.md); with
 * {@code --model-version N=FILE}, each item against the version its events carry.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "The orchestration-debt report: score, components with evidence and cost in hours, "
                + "breakdowns, top actions, AI readiness and phase, declared beside actual flow.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "1:invalid model or log", "2:usage error"})
final class AnalyzeCommand implements Callable<Integer> {

    enum Format { text, json, html }

    @Option(names = "--model", paramLabel = "MODEL.yaml", description = "The operating model: every item is measured "
            + "against it, unless --model-version says which file a version of the log's events stands for.")
    Path model;

    @Option(names = "--model-version", paramLabel = "N=FILE", description = "For a log whose events carry several "
            + "model versions: measure the items of version N against FILE (repeatable). The highest N is the current "
            + "model, unless --model names it.")
    List<String> modelVersions = new ArrayList<>();

    @Mixin
    LogOptions logOptions = new LogOptions();

    @Option(names = "--mapping", paramLabel = "MAP.yaml", description = "Read LOG as a tool's export through this "
            + "import mapping (docs/mapping-reference.md), as baton import would, without writing a log; needs --kind.")
    Path mapping;

    @Option(names = "--kind", paramLabel = "KIND", description = "LOG is a tool's export of this kind (${COMPLETION-CANDIDATES}); "
            + "read through --mapping, or with every value as the tool writes it.", completionCandidates = ImportCommand.Kinds.class)
    String kind;

    @Option(names = "--format", defaultValue = "text", description = "text, json or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--from", paramLabel = "DATE", description = "Only items with an event on or after this day "
            + "(2026-04-01, UTC) or instant (2026-04-01T09:00:00Z); their history before it still counts.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only events up to the end of this day (UTC) or this instant.")
    String to;

    @Option(names = "--source", paramLabel = "SOURCE", split = ",", description = "Only items of these sources: baton "
            + "(recorded by Baton), or the tool an import came from (jira, trello, gitlab, github, asana…).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--people", paramLabel = "MAP.yaml", description = "Import mappings whose people sections say who "
            + "a tool's user is, for tool switching, besides matching by e-mail and name (repeatable).")
    List<Path> people = new ArrayList<>();

    @Option(names = "--crm", arity = "1..*", paramLabel = "DIR_OR_FILE", description = "CRM exports (as 'baton funnel "
            + "--crm' reads them): the marketing → sales lead handoff joins the handoff component as evidence.")
    List<Path> crm = new ArrayList<>();

    @Option(names = "--touchpoints", arity = "1..*", paramLabel = "FILE", description = "With --crm: touchpoint files.")
    List<Path> touchpoints = new ArrayList<>();

    @Option(names = "--outcome-mapping", paramLabel = "MAP.yaml", description = "With --crm: the outcome mapping "
            + "(stages, handoff SLA; docs/outcomes.md#mapping).")
    Path outcomeMapping;

    @Option(names = "--buckets", paramLabel = "N", description = "Analyse the log a part at a time: its items dealt "
            + "into N temporary files (deleted afterwards) so that memory holds one part's open items, not the whole "
            + "log's; the report is the same. Default: 1 for a JSONL log under 256 MB, else one per 64 MB.")
    Integer buckets;

    @Mixin
    ReportOut out = new ReportOut();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (buckets != null && buckets < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--buckets: expected a number of parts of 1 or"
                    + " more, not " + buckets);
        }
        if (model == null && modelVersions.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected --model MODEL.yaml, or "
                    + "--model-version N=FILE for each model version of the log");
        }
        Map<Integer, OperatingModel> versions = ModelVersionFiles.read(modelVersions, spec.commandLine(), err);
        if (versions == null) {
            return Baton.INVALID;
        }
        Path currentFile = model != null ? model : versionFile(Collections.max(versions.keySet()));
        ValidationReport validation = ValidModel.read(currentFile, err);
        if (validation == null) {
            return Baton.INVALID;
        }
        OperatingModel operatingModel = validation.model();
        ModelHistory history = history(versions, operatingModel);
        Path log = logOptions.log;
        if (!logOptions.isFile(err)) {
            return Baton.INVALID;
        }
        if (!out.writable(err)) {
            return Baton.INVALID;
        }
        if (mapping != null && kind == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected --kind KIND ("
                    + String.join(", ", SourceKinds.names()) + ") with --mapping: the kind of export LOG is");
        }
        Scope scope = scope();
        Map<String, String> overrides = PeopleOverrides.read(people, currentFile, err);
        if (overrides == null) {
            return Baton.INVALID;
        }
        DebtAnalysis.EventSource source;
        if (kind != null) {
            source = exportSource(operatingModel, log, err);
            if (source == null) {
                return Baton.INVALID;
            }
        } else {
            try {
                source = logOptions.events(operatingModel);
            } catch (LogFormatException e) {
                err.println(e.getMessage());
                return Baton.INVALID;
            }
        }
        DebtReport report;
        try {
            int parts = buckets != null ? buckets : kind == null ? Buckets.of(log) : 1;
            report = parts > 1
                    ? DebtAnalysis.analyzeInBuckets(history, validation.warnings(), log.getFileName().toString(), source,
                            scope, new PeopleAcrossTools(operatingModel, overrides), parts,
                            Path.of(System.getProperty("java.io.tmpdir")))
                    : DebtAnalysis.analyze(history, validation.warnings(), log.getFileName().toString(), source, scope,
                            new PeopleAcrossTools(operatingModel, overrides));
        } catch (SourceFormatException e) {
            err.println(log + ": " + e.describe());
            return Baton.INVALID;
        } catch (IOException | RuntimeException e) {
            if (!logOptions.explain(e, err)) {
                throw e;
            }
            return Baton.INVALID;
        }
        if (report.items() == 0) {
            logOptions.noWorkItems(err, scope.all() ? "" : " in the chosen period and sources");
            return Baton.INVALID;
        }
        if (!crm.isEmpty() || !touchpoints.isEmpty() || outcomeMapping != null) {
            LeadHandoff lead = leadHandoff(operatingModel);
            if (lead == null) {
                return Baton.INVALID;
            }
            report = report.withLeadHandoff(lead);
        }
        String text = switch (format) {
            case json -> Json.write(DebtReportJson.toMap(report)) + "\n";
            case text -> DebtReportText.render(report);
            case html -> DebtReportHtml.render(report);
        };
        out.write(text, format.name(), spec.commandLine());
        return Baton.OK;
    }

    /** How many parts a log is analysed in by default: one per 64 MB of JSONL (gzip: of its size × 8), under 256 MB one. */
    static final class Buckets {
        static final long SINGLE_UNDER = 256L << 20;
        static final long PER_BUCKET = 64L << 20;

        private Buckets() {
        }

        static int of(Path log) throws IOException {
            String name = log.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (!java.nio.file.Files.isRegularFile(log)
                    || !name.endsWith(".jsonl") && !name.endsWith(".jsonl.gz") && !name.endsWith(".ndjson")) {
                return 1;
            }
            long size = java.nio.file.Files.size(log) * (name.endsWith(".gz") ? 8 : 1);
            return size < SINGLE_UNDER ? 1 : (int) Math.min(4096, (size + PER_BUCKET - 1) / PER_BUCKET);
        }
    }

    /** The lead handoff of the CRM data, measured by the funnel; null with every reason printed. */
    private LeadHandoff leadHandoff(OperatingModel operatingModel) {
        OutcomeInputs inputs = new OutcomeInputs();
        inputs.funnel = operatingModel.funnel();
        inputs.crm = crm;
        inputs.touchpoints = touchpoints;
        inputs.mapping = outcomeMapping;
        inputs.per = OutcomeInputs.Per.account;
        inputs.conversion = OutcomeInputs.ConversionPoint.created;
        inputs.lookback = "90d";
        OutcomeInputs.Read read = inputs.read(spec);
        if (read == null) {
            return null;
        }
        return LeadHandoffs.of(Funnel.compute(read.crm().data(), read.identities(), read.mapping(), Dimension.NONE,
                read.options()).total().handoff());
    }

    private Path versionFile(int number) {
        for (String entry : modelVersions) {
            int eq = entry.indexOf('=');
            if (Integer.parseInt(entry.substring(0, eq).strip()) == number) {
                return Path.of(entry.substring(eq + 1).strip());
            }
        }
        throw new IllegalStateException("no --model-version " + number);
    }

    /**
     * One model for every item (only --model), or the versions given with the current one: the
     * version whose file --model names (by its text), else a version after the highest given.
     */
    private ModelHistory history(Map<Integer, OperatingModel> versions, OperatingModel current) throws IOException {
        if (versions.isEmpty()) {
            return ModelHistory.of(current);
        }
        Map<Integer, OperatingModel> all = new java.util.TreeMap<>(versions);
        int highest = Collections.max(versions.keySet());
        if (model == null) {
            return ModelHistory.of(all, highest);
        }
        String text = Files.readString(model);
        for (int n : versions.keySet()) {
            if (Files.readString(versionFile(n)).equals(text)) {
                all.put(n, current);
                return ModelHistory.of(all, n);
            }
        }
        all.put(highest + 1, current);
        return ModelHistory.of(all, highest + 1);
    }

    /** The period and sources asked for; a usage error (exit 2) says which option is wrong and how. */
    private Scope scope() {
        try {
            return Scope.parse("--from", from, "--to", to, sources);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * A tool's export read through an import mapping into events, in memory: the same events
     * {@code baton import} would write (docs/mapping-reference.md). Null after printing what is wrong.
     */
    private DebtAnalysis.EventSource exportSource(OperatingModel model, Path log, PrintWriter err) throws IOException {
        ImportMapping importMapping = ImportMapping.NONE;
        if (mapping != null) {
            if (!Files.isRegularFile(mapping)) {
                err.println(mapping + ": error: no such file");
                return null;
            }
            MappingReader.Result read = MappingReader.read(Files.readString(mapping, StandardCharsets.UTF_8));
            List<Problem> problems = new ArrayList<>(read.problems());
            if (read.valid()) {
                problems.addAll(MappingCheck.check(read, model));
            }
            problems.forEach(p -> err.println(p.format(mapping.toString())));
            if (problems.stream().anyMatch(Problem::isError)) {
                return null;
            }
            importMapping = read.mapping();
        }
        Optional<SourceReader> reader = SourceKinds.reader(kind, importMapping);
        if (reader.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected a KIND ("
                    + String.join(", ", SourceKinds.names()) + "), found '" + kind + "'");
        }
        ImportMapping chosen = importMapping;
        return sink -> {
            Importer importer = new Importer(chosen, model, sink);
            LogImport.readSource(reader.get(), log, importer.sink(), Progress.NONE);
        };
    }
}
