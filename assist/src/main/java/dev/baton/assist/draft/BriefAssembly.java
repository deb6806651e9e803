package dev.baton.assist.draft;

import dev.baton.assist.history.PastWork;
import dev.baton.assist.similar.Match;
import dev.baton.model.Field;
import dev.baton.model.FieldType;
import dev.baton.model.Metric;
import dev.baton.model.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A draft put together from the values read from a request (by Baton's rules or a configured
 * model), then the most similar past briefs of the work type for what the request does not say,
 * then the work type's declared success metric; the required fields still empty are listed as
 * missing. Shared by every provider, so that drafts differ only in how the request is read.
 */
public final class BriefAssembly {

    /** Past briefs less similar than this are not copied from: an unrelated brief is no first draft. */
    public static final double MIN_SIMILARITY = 0.3;
    /** How many of the most similar past briefs a field may be taken from, nearest first. */
    public static final int BRIEFS = 3;
    /**
     * Types never copied from a past brief: its dates and links belong to that piece of work
     * (last spring's start date, last year's landing page), not to the new one.
     */
    private static final Set<FieldType> NOT_COPIED = Set.of(FieldType.DATE, FieldType.URL);

    private BriefAssembly() {
    }

    /**
     * @param stated what the request states, by field id
     * @param source the source of the stated values: {@link DraftField#REQUEST} or {@code ai:MODEL}
     * @param what   how the stated values were read, for the basis ("values the request states")
     */
    public static BriefDraft assemble(DraftRequest request, Map<String, Object> stated, String source, String what) {
        Template template = request.template();
        String workType = request.workType().id();
        if (template == null) {
            return new BriefDraft(workType, null, Map.of(), List.of(), List.of(new Basis("model",
                    "work type '" + workType + "' declares no template: there is no brief to draft", List.of())));
        }
        Map<String, DraftField> fields = new LinkedHashMap<>();
        List<Basis> basis = new ArrayList<>();
        List<String> fromRequest = new ArrayList<>();
        for (Field f : template.fields()) {
            Object v = stated.get(f.id());
            if (present(v)) {
                fields.put(f.id(), new DraftField(v, source));
                fromRequest.add(f.id());
            }
        }
        basis.add(new Basis(source, what, fromRequest));
        Field title = StatedValues.titleField(template);
        List<Match> briefs = request.similarBriefs().stream()
                .filter(m -> m.similarity() >= MIN_SIMILARITY && workType.equals(m.work().workType())
                        && !m.work().fields().isEmpty())
                .limit(BRIEFS).toList();
        for (Match m : briefs) {
            List<String> copied = new ArrayList<>();
            for (Field f : template.fields()) {
                Object v = m.work().fields().get(f.id());
                if (fields.containsKey(f.id()) || NOT_COPIED.contains(f.type()) || f == title || !present(v)) {
                    continue;
                }
                fields.put(f.id(), new DraftField(v, DraftField.similar(m.work().id())));
                copied.add(f.id());
            }
            if (!copied.isEmpty()) {
                PastWork w = m.work();
                basis.add(new Basis(DraftField.similar(w.id()), String.format(Locale.ROOT, "past %s %s '%s' (%s), similarity %.2f",
                        w.kind().id(), w.id(), w.title(), w.state(), m.similarity()), copied));
            }
        }
        if (briefs.isEmpty()) {
            basis.add(new Basis("similar", String.format(Locale.ROOT, "no past brief of work type '%s' is similar enough to "
                    + "copy from (similarity %.2f or more)", workType, MIN_SIMILARITY), List.of()));
        }
        successMetric(request, template, fields, basis);
        List<String> missing = new ArrayList<>();
        Map<String, DraftField> ordered = new LinkedHashMap<>();
        for (Field f : template.fields()) {
            if (fields.containsKey(f.id())) {
                ordered.put(f.id(), fields.get(f.id()));
            } else if (f.required()) {
                missing.add(f.id());
            }
        }
        return new BriefDraft(workType, template.id(), ordered, missing, basis);
    }

    /** A metric field nobody filled takes the first success metric the work type declares: the model's definition of success. */
    private static void successMetric(DraftRequest request, Template template, Map<String, DraftField> fields,
                                      List<Basis> basis) {
        List<String> success = request.workType().success();
        if (success == null || success.isEmpty()) {
            return;
        }
        for (Field f : template.fields()) {
            if (f.type() == FieldType.METRIC && !fields.containsKey(f.id())) {
                String metric = success.get(0);
                fields.put(f.id(), new DraftField(metric, DraftField.MODEL));
                String name = request.model().metric(metric).map(Metric::name).orElse(metric);
                basis.add(new Basis(DraftField.MODEL, "the work type's declared success metric '" + name + "'", List.of(f.id())));
                return;
            }
        }
    }

    private static boolean present(Object v) {
        return v != null && !(v instanceof String s && s.isBlank()) && !(v instanceof List<?> l && l.isEmpty());
    }

    /** Channel names the past briefs of a work type used, for reading new requests ({@link StatedValues}). */
    public static Set<String> channelsOf(List<PastWork> briefs, Template template) {
        Set<String> channels = new LinkedHashSet<>();
        if (template == null) {
            return channels;
        }
        for (Field f : template.fields()) {
            Cues cues = new Cues(f);
            if (f.type() != FieldType.LIST || !(cues.strong.contains("channel") || cues.weak.contains("channel"))) {
                continue;
            }
            for (PastWork w : briefs) {
                if (w.fields().get(f.id()) instanceof List<?> list) {
                    for (Object o : list) {
                        if (o instanceof String s && !s.isBlank() && s.length() <= 40) {
                            channels.add(s.strip());
                        }
                    }
                }
            }
        }
        return channels;
    }
}
