package dev.baton.app.outcome;

import dev.baton.app.imports.ImportRefused.Reason;
import dev.baton.engine.version.ModelUpload;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.measure.crm.CrmProblem;
import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.mapping.OutcomeMappingReader;
import dev.baton.measure.outcome.ExportKind;
import dev.baton.model.OperatingModel;
import dev.baton.model.problem.Problem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Imports of outcome exports (CRM reports, touchpoint files) through the server: the export is read
 * together with everything stored before, by the same reader as {@code baton funnel}, and stored
 * only when all of it reads cleanly — a bad export stores nothing and every problem is named at its
 * {@code file:line:col}. The same kind and file name again replaces its batch; the same content
 * again changes nothing.
 */
@Service
public class OutcomeImports {

    /** The import kinds: the export kinds of the measure module, with what each reads. */
    public static List<ExportKind> kinds() {
        return List.of(ExportKind.values());
    }

    /** What an import did. {@code changed} is false when the same export was there already. */
    public record Imported(OutcomeBatch batch, boolean changed, OutcomeBatch replaced, List<CrmReader.FileRead> files,
                           List<String> notes) {
    }

    /**
     * Everything stored, read and matched.
     *
     * @param unreadable why what is stored cannot be read at all (then there are no figures), or null
     * @param derived    what the reports work out from this one reading
     */
    public record Stored(OutcomeMapping mapping, CrmReader.Result read, List<OutcomeBatch> batches, String unreadable,
                         Derived derived) {

        public Stored(OutcomeMapping mapping, CrmReader.Result read, List<OutcomeBatch> batches, String unreadable) {
            this(mapping, read, batches, unreadable, new Derived());
        }

        /** No figures to show: nothing stored, or nothing readable ({@link #unreadable} says why). */
        public boolean empty() {
            return batches.isEmpty() || unreadable != null;
        }
    }

    /**
     * What the reports work out from one reading of the stored data, kept with it so that a page or
     * an API call showing several reports (the funnel, a funnel by campaign for the campaign links,
     * the journeys, the metrics) matches identities, indexes the touches and computes each funnel
     * once ({@link OutcomeReports}). A reading lives for one request.
     */
    public static final class Derived {
        dev.baton.measure.identity.Identities identities;
        dev.baton.measure.journey.TouchIndex index;
        final Map<Object, dev.baton.measure.funnel.FunnelReport> funnels = new HashMap<>();
    }

    private final OutcomeStore store;
    private final Clock clock;
    private final ModelVersions versions;
    /**
     * The last reading of the stored exports, by what it was read from: the rows of the batches, their
     * mapping and their bytes ({@link OutcomeStore#stamp}), and the mapping under the current model.
     * Reading a million touchpoints takes seconds, and every Outcomes page and outcome API call wants them; the key is read from the database on each call, so a server
     * sees another's imports and model changes at once. Soft: the memory goes back under pressure.
     */
    private volatile java.lang.ref.SoftReference<Reading> last = new java.lang.ref.SoftReference<>(null);

    private record Reading(String stamp, OutcomeMapping modelled, Stored stored) {
    }

    public OutcomeImports(OutcomeStore store, Clock clock, ModelVersions versions) {
        this.store = store;
        this.clock = clock;
        this.versions = versions;
        versions.guard(this::breaks);
    }

    /** The stored batches, oldest first. */
    public List<OutcomeBatch> batches() {
        return store.list();
    }

    public boolean isKind(String kind) {
        return kind != null && ExportKind.byId(kind).isPresent();
    }

    /**
     * Reads the export with everything stored and stores it as a batch, or refuses it with every
     * problem. {@code mappingText} (optional) becomes the server's outcome mapping from now on.
     */
    public Imported store(String kind, String fileName, byte[] content, String mappingText, String by) {
        return read(kind, fileName, content, mappingText, by, true);
    }

    /** What {@link #store} would do, stored nothing: every problem, or the rows it would store. */
    public Imported preview(String kind, String fileName, byte[] content, String mappingText, String by) {
        return read(kind, fileName, content, mappingText, by, false);
    }

    private Imported read(String kind, String fileName, byte[] content, String mappingText, String by, boolean keep) {
        if (kind == null || ExportKind.byId(kind).isEmpty()) {
            throw OutcomeRefused.of(Reason.UNKNOWN_KIND, "unknown outcome kind '" + kind + "'; expected one of "
                    + String.join(", ", ExportKind.ids()));
        }
        if (content == null || content.length == 0) {
            throw OutcomeRefused.of(Reason.NO_FILE, "no file: choose the " + kind + " export to import");
        }
        String name = safeName(fileName, kind);
        String mapping = mappingText == null || mappingText.isBlank() ? null : mappingText;
        OutcomeMapping outcomeMapping = underModel(mapping(mapping != null ? mapping : store.latestMapping().orElse(null),
                mapping != null));
        String hash = hash(kind, content);
        Optional<OutcomeBatch> same = store.byHash(kind, hash);
        List<OutcomeBatch> batches = store.list();
        if (same.isPresent() && mapping == null) {
            return new Imported(same.get(), false, null, List.of(), List.of());
        }
        OutcomeBatch replaced = batches.stream().filter(b -> b.kind().equals(kind) && b.fileName().equals(name))
                .findFirst().orElse(null);
        for (OutcomeBatch b : batches) {
            if (b.fileName().equals(name) && !b.kind().equals(kind)) {
                throw OutcomeRefused.of(Reason.CONFLICT, "a file named '" + name + "' is imported already as "
                        + b.kind() + " (batch " + b.id() + "): rename this " + kind + " export and import it again");
            }
        }
        // Read with everything else stored: a duplicate id across exports is caught now, not on the page.
        List<CrmReader.Source> sources = new ArrayList<>();
        Map<String, String> files = new HashMap<>(outcomeMapping.files());
        for (OutcomeBatch b : batches) {
            files.put(b.fileName(), b.kind());
        }
        files.put(name, kind);
        for (CrmReader.Source s : store.sources()) {
            if (replaced == null || !s.name().equals(name)) {
                sources.add(s);
            }
        }
        sources.add(new CrmReader.Source(name, () -> new ByteArrayInputStream(content)));
        CrmReader.Result read = CrmReader.read(sources, withFiles(outcomeMapping, files));
        if (!read.ok()) {
            List<CrmProblem> problems = read.problems();
            throw new OutcomeRefused(Reason.INVALID_EXPORT, problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + " in " + name + "; nothing was stored: " + problems.get(0).format(),
                    problems, List.of());
        }
        long rows = read.files().stream().filter(f -> f.name().equals(name)).mapToLong(CrmReader.FileRead::rows).sum();
        OutcomeBatch batch = new OutcomeBatch(UUID.randomUUID().toString().substring(0, 12), kind, OutcomeBatch.source(kind),
                name, hash, rows, by, clock.instant(), mapping != null);
        if (keep) {
            store.replace(batch, content, mapping);
        }
        return new Imported(batch, keep, replaced, read.files(), read.notes());
    }

    /**
     * Everything stored, read again by the one reader. Stored exports read cleanly when imported (each
     * was checked with the rest, and a model version whose funnel cannot read them is refused:
     * {@link #breaks}); should they not read all the same (stored before that check, or an outcome
     * mapping changed since), the figures fall back to the outcome mapping's stages with a note, and
     * when even that fails the result says why ({@link Stored#unreadable}) instead of failing the page.
     */
    public Stored stored() {
        // The stamp first: an import landing after it is read again by the next request, never missed.
        String stamp = store.stamp();
        OutcomeMapping uploaded = mapping(store.latestMapping().orElse(null), false);
        OutcomeMapping modelled = underModel(uploaded);
        Reading known = last.get();
        // The uploaded mapping, the batches and their files are rows the stamp covers; the model is not.
        if (known != null && known.stamp().equals(stamp) && known.modelled().equals(modelled)) {
            Stored s = known.stored();
            return new Stored(s.mapping(), s.read(), s.batches(), s.unreadable()); // what a request derives is its own
        }
        Stored stored = read(uploaded, modelled);
        last = new java.lang.ref.SoftReference<>(new Reading(stamp, modelled, stored));
        return stored;
    }

    private Stored read(OutcomeMapping uploaded, OutcomeMapping modelled) {
        List<OutcomeBatch> batches = store.list();
        Map<String, String> files = files(uploaded, batches);
        OutcomeMapping read = withFiles(modelled, files);
        CrmReader.Result result = CrmReader.read(store.sources(), read);
        if (result.ok()) {
            return new Stored(read, result, batches, null);
        }
        String first = result.problems().isEmpty() ? "no problem named" : result.problems().get(0).format();
        if (modelled != uploaded) {
            // A model version uploaded after the exports whose funnel cannot read them: the figures stay
            // those of the outcome mapping, and the notes say why.
            OutcomeMapping fallback = withFiles(uploaded, files);
            CrmReader.Result old = CrmReader.read(store.sources(), fallback);
            if (old.ok()) {
                List<String> notes = new ArrayList<>(old.notes());
                notes.add(0, "the current model's funnel: section cannot read the stored exports (" + first
                        + "), so these figures use the outcome mapping's stages: "
                        + "name the value in the model's funnel: section or in the outcome mapping's stages");
                return new Stored(fallback, new CrmReader.Result(old.data(), old.problems(), old.files(),
                        List.copyOf(notes)), batches, null);
            }
        }
        return new Stored(read, result, batches, "The stored outcome exports cannot be read under the current model "
                + "and outcome mapping (" + result.problems().size() + " problem" + (result.problems().size() == 1 ? "" : "s")
                + "; first: " + first + "), so no figures are shown: name the value in the model's funnel: section "
                + "(or in the outcome mapping's stages), or import the export again.");
    }

    /**
     * The guard of every model upload ({@link dev.baton.engine.version.UploadGuard}): a model version
     * whose {@code funnel:} section cannot read the stored exports is refused, naming the first CRM
     * value it no longer reads and every export it breaks. A funnel equal to the current version's
     * changes nothing the exports are read by, so it passes even if they do not read (that is said on
     * the Outcomes page), and no model is held hostage by data stored before this check.
     */
    Optional<ModelUpload.Refusal> breaks(OperatingModel next, Optional<ModelVersion> current) {
        if (current.isPresent() && current.get().model().funnel().equals(next.funnel())) {
            return Optional.empty();
        }
        List<OutcomeBatch> batches = store.list();
        if (batches.isEmpty()) {
            return Optional.empty();
        }
        OutcomeMapping uploaded = mapping(store.latestMapping().orElse(null), false);
        CrmReader.Result result = CrmReader.read(store.sources(), withFiles(uploaded.withFunnel(next.funnel()),
                files(uploaded, batches)));
        if (result.ok()) {
            return Optional.empty();
        }
        List<CrmProblem> problems = result.problems();
        List<String> exports = problems.stream().map(CrmProblem::file).distinct().toList();
        String first = problems.isEmpty() ? "" : ": " + problems.get(0).format();
        return Optional.of(new ModelUpload.Refusal(FUNNEL_BREAKS_STORED_EXPORTS, "The new model's funnel: section would no longer "
                + "read the stored outcome export" + (exports.size() == 1 ? " " : "s ") + String.join(", ", exports)
                + " (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + first + "); nothing was "
                + "stored. Name the value under a stage of the funnel: section (its statuses or date-columns), "
                + "or in the outcome mapping's stages, and upload again."));
    }

    /** The problem type of a model upload refused because its funnel cannot read the stored exports. */
    public static final String FUNNEL_BREAKS_STORED_EXPORTS = "funnel-breaks-stored-exports";

    /** The kind of every stored export by its file name (the mapping's own files first). */
    private static Map<String, String> files(OutcomeMapping uploaded, List<OutcomeBatch> batches) {
        Map<String, String> files = new HashMap<>(uploaded.files());
        batches.forEach(b -> files.put(b.fileName(), b.kind()));
        return files;
    }

    /**
     * The mapping under the current model's {@code funnel:} section, as {@code baton funnel --model}
     * reads it: the model's stages win over the mapping's; unchanged when the model declares none.
     * Applied when reading, not stored: a new model version changes the funnel of the exports stored.
     */
    private OutcomeMapping underModel(OutcomeMapping mapping) {
        return versions.current().map(v -> mapping.withFunnel(v.model().funnel())).orElse(mapping);
    }

    private static OutcomeMapping mapping(String text, boolean uploaded) {
        if (text == null) {
            return OutcomeMapping.DEFAULT;
        }
        OutcomeMappingReader.Result r = OutcomeMappingReader.read(text);
        if (!r.valid() || r.problems().stream().anyMatch(Problem::isError)) {
            if (!uploaded) {
                return OutcomeMapping.DEFAULT;
            }
            long errors = r.problems().stream().filter(Problem::isError).count();
            throw new OutcomeRefused(Reason.INVALID_MAPPING, "the outcome mapping has " + errors + " error"
                    + (errors == 1 ? "" : "s") + "; nothing was stored", List.of(), r.problems());
        }
        return r.mapping();
    }

    private static OutcomeMapping withFiles(OutcomeMapping m, Map<String, String> files) {
        return new OutcomeMapping(m.dayFirst(), m.stages(), m.columns(), Map.copyOf(files), m.stageDates(), m.identity(),
                m.campaigns(), m.handoff());
    }

    /** The upload's base name, with nothing a path or a message could trip on. */
    static String safeName(String fileName, String kind) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (base.isEmpty() || base.chars().allMatch(c -> c == '.')) {
            base = kind + ".csv";
        }
        return base.length() > 120 ? base.substring(0, 120) : base;
    }

    private static String hash(String kind, byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(kind.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
