package dev.baton.scale.outcome;

import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.funnel.Dimension;
import dev.baton.measure.funnel.Funnel;
import dev.baton.measure.funnel.FunnelEntities;
import dev.baton.measure.funnel.FunnelReport;
import dev.baton.measure.funnel.FunnelTouches;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.metric.MetricActuals;
import dev.baton.measure.metric.MetricReport;
import dev.baton.measure.outcome.ExportKind;
import dev.baton.measure.outcome.OutcomeData;
import dev.baton.measure.outcome.Touchpoint;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import dev.baton.scale.Part;
import dev.baton.scale.ScaleProblem;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The funnel over touchpoints and CRM exports (docs/outcomes.md#the-funnel) as a Spark job, for
 * {@code baton funnel --touchpoints … --crm …}. The touchpoint lines are read, keyed by journey and
 * shuffled as for attribution ({@link ScaleJourneys#shuffle}); a first pass over the shuffled lines
 * finds the newest touch (open opportunities are influenced until the newest date of all the data)
 * and, when a campaign response has no type, the touches' channels per campaign. Then each partition
 * indexes its whole journeys and finds what the funnel takes from them ({@link FunnelTouches}: first
 * touches, influence windows, cost), the driver merges the partitions' and the funnel is computed
 * from the CRM exports with them, by the same {@link Funnel} as on one machine.
 */
public final class ScaleFunnel {

    /**
     * The funnel, with the files read and the read's notes, as {@code baton funnel --format json}
     * writes them; with a model, its metrics against their targets (else null).
     */
    public record Result(FunnelReport report, List<CrmReader.FileRead> files, List<String> notes, MetricReport metrics) {
    }

    /** A partition's first look at its lines: the touches' channels per campaign (when needed), the newest touch, lines per file. */
    record Look(HashMap<String, Map<String, Integer>> votes, long newest, long[] rows) implements Serializable {

        Look merge(Look other) {
            long[] sum = rows.clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += other.rows[i];
            }
            return new Look(ScaleJourneys.mergeVotes(votes, other.votes), Math.max(newest, other.newest), sum);
        }
    }

    /** A partition's touches, as the funnel takes them, and how many touches it kept (repeats once). */
    record Found(FunnelTouches touches, long kept) implements Serializable {

        Found merge(Found other) {
            return new Found(touches.merge(other.touches), kept + other.kept);
        }
    }

    private ScaleFunnel() {
    }

    /**
     * The funnel split by {@code by} of the touchpoints at {@code touchpoints} (a CSV file or a
     * directory of them, on any file system Hadoop reads) and the CRM exports at {@code crm} (read by
     * the driver); with the operating model {@code modelFile} (its text {@code modelText}; or null),
     * its funnel section names the stages and its metrics are measured, as {@code baton funnel --model}.
     *
     * @throws ScaleProblem for bad input, said as {@code baton funnel} says it
     */
    public static Result funnel(SparkSession spark, List<java.nio.file.Path> crm, String touchpoints,
                                java.nio.file.Path mappingFile, String modelFile, String modelText,
                                JourneyOptions options, Dimension by, int partitions) {
        OperatingModel model = null;
        if (modelText != null) {
            ValidationReport valid = ModelValidation.validate(modelFile, modelText);
            if (!valid.valid()) {
                throw new ScaleProblem(String.join("\n", valid.refusal()));
            }
            model = valid.model();
        }
        try (ScaleJourneys.Shuffled shuffled = ScaleJourneys.shuffle(spark, crm, touchpoints, mappingFile, modelFile,
                modelText, options, partitions)) {
            ScaleJourneys.Crm side = shuffled.side();
            for (CrmReader.FileRead f : side.files()) {
                if (f.kind() == ExportKind.TOUCHPOINTS) {
                    throw new ScaleProblem(f.name() + ":1:1: error: a touchpoint file among the CRM exports; baton-scale "
                            + "reads touchpoints from --touchpoints only: give it there");
                }
            }
            var shipped = shuffled.shipped();
            boolean needsVotes = ScaleJourneys.needsVotes(side);
            Part<Look> look = shuffled.byJourney().mapPartitions(lines ->
                    List.of(look(shipped.value(), needsVotes, lines)).iterator()).reduce((a, b) -> Part.merge(a, b, Look::merge));
            if (look.problem() != null) {
                throw shuffled.problem();
            }
            long asOf = Math.max(side.data().asOf().toEpochMilli(), look.summary().newest());
            Map<String, Map<String, Integer>> votes = look.summary().votes();
            HashPartitioner partitioner = shuffled.partitioner();
            Part<Found> found = shuffled.byJourney().mapPartitionsWithIndex((part, lines) ->
                            List.of(found(shipped.value(), votes, by, asOf, partitioner, part, lines)).iterator(), true)
                    .reduce((a, b) -> Part.merge(a, b, Found::merge));
            if (found.problem() != null) {
                throw shuffled.problem();
            }
            FunnelTouches touches = found.summary().touches();
            FunnelReport report = Funnel.compute(side.data(), side.identities(), side.mapping(), side.options(), Map.of(),
                    touches);
            MetricReport metrics = model == null ? null : MetricActuals.compute(model.metrics(),
                    FunnelEntities.of(side.data(), side.identities(), side.mapping(), touches));
            List<CrmReader.FileRead> files = new ArrayList<>(side.files());
            long rows = 0;
            for (int f = 0; f < shuffled.setup().names().size(); f++) {
                long n = look.summary().rows()[f];
                files.add(new CrmReader.FileRead(shuffled.setup().names().get(f), ExportKind.TOUCHPOINTS, n));
                rows += n;
            }
            List<String> notes = new ArrayList<>(side.notes());
            if (rows > found.summary().kept()) {
                notes.add(CrmReader.touchpointsKeptOnce(rows - found.summary().kept()));
            }
            return new Result(report, List.copyOf(files), List.copyOf(notes), metrics);
        }
    }

    private static Part<Look> look(ScaleJourneys.Setup setup, boolean needsVotes, Iterator<Tuple2<String, ScaleJourneys.Line>> lines) {
        List<Tuple2<String, ScaleJourneys.Line>> kept = new ArrayList<>();
        long newest = Long.MIN_VALUE;
        long[] rows = new long[setup.files().size()];
        while (lines.hasNext()) {
            Tuple2<String, ScaleJourneys.Line> t = lines.next();
            ScaleJourneys.Line l = t._2();
            if (l.file() < 0) {
                return Part.failed("touchpoints");
            }
            newest = Math.max(newest, l.at());
            rows[l.file()]++;
            if (needsVotes) {
                kept.add(t);
            }
        }
        HashMap<String, Map<String, Integer>> votes = new HashMap<>();
        if (needsVotes) {
            Part<HashMap<String, Map<String, Integer>>> counted = ScaleJourneys.votes(setup, kept.iterator());
            if (counted.problem() != null) {
                return Part.failed(counted.problem());
            }
            votes = counted.summary();
        }
        return Part.of(new Look(votes, newest, rows));
    }

    /** One partition's whole journeys — its touches, the campaign responses of its keys — as the funnel takes them. */
    private static Part<Found> found(ScaleJourneys.Setup setup, Map<String, Map<String, Integer>> votes, Dimension by,
                                     long asOf, HashPartitioner partitioner, int part,
                                     Iterator<Tuple2<String, ScaleJourneys.Line>> lines) {
        ScaleJourneys.Crm side = ScaleJourneys.crm(setup);
        List<Touchpoint> touches = ScaleJourneys.touches(setup, side, lines);
        if (touches == null) {
            return Part.failed("touchpoints");
        }
        OutcomeData crm = side.data();
        OutcomeData data = new OutcomeData(crm.leads(), crm.contacts(), crm.opportunities(), crm.stageChanges(),
                ScaleJourneys.responses(side, votes, partitioner, part, true), touches);
        TouchIndex index = TouchIndex.build(data, side.identities(), side.mapping(), side.options().by());
        return Part.of(new Found(FunnelTouches.of(data, side.identities(), by, side.options(), index,
                Instant.ofEpochMilli(asOf)), touches.size()));
    }
}
