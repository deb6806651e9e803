package dev.baton.scale.outcome;

import dev.baton.measure.crm.CrmProblem;
import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.identity.Identities;
import dev.baton.measure.identity.IdentityMatcher;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.Journeys;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.mapping.OutcomeMappingReader;
import dev.baton.measure.outcome.CampaignMember;
import dev.baton.measure.outcome.ExportKind;
import dev.baton.measure.outcome.Opportunity;
import dev.baton.measure.outcome.OutcomeData;
import dev.baton.measure.outcome.Touchpoint;
import dev.baton.model.FunnelSettings;
import dev.baton.scale.Part;
import dev.baton.scale.ScaleProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Journeys cut from touchpoints and CRM exports (docs/outcomes.md) as a Spark job, for
 * {@code baton attribute --touchpoints … --crm …}. The CRM exports are small: the driver reads them
 * (the same {@link CrmReader}) and ships their bytes; each executor reads them once and matches the
 * same {@link Identities}. The touchpoint files are large: their lines are read in the executors
 * (one part at a time, by {@link CrmReader#readPart}), keyed by journey ({@link TouchIndex#keyOf}),
 * hash-partitioned by that key, and each partition's touches — in the order the files give them,
 * exact repeats kept once — are indexed and cut by the single-machine {@link TouchIndex} and
 * {@link Journeys} with the opportunities of its keys. The partitions' journeys are merged in the driver.
 */
public final class ScaleJourneys {

    /** At most this many problems are said, as the CLI says them. */
    static final int SHOWN = 50;

    /**
     * What the executors need to rebuild the CRM side: the exports' bytes, the mapping, the operating
     * model whose funnel section names the stages (or null), how journeys are cut; the touchpoint files
     * as Hadoop reads them and as the user named them (for messages).
     */
    record Setup(String id, List<String> crmNames, List<byte[]> crmBytes, String mappingText, String modelFile,
                 String modelText, TouchIndex.By by,
                 JourneyOptions.Conversion conversion, Duration lookback, List<String> files, List<String> names,
                 List<String> headers) implements Serializable {
    }

    /**
     * A touchpoint line, its file (-1: the part had a problem), its place in the file (the part,
     * then the line in it) and its touch's time (epoch milliseconds).
     */
    static final class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        // Not a record, and its fields not final: Kryo (the shuffle's serializer) sets them on a new instance.
        private long order;
        private int file;
        private String text;
        private long at;

        Line() {
        }

        Line(long order, int file, String text, long at) {
            this.order = order;
            this.file = file;
            this.text = text;
            this.at = at;
        }

        long order() {
            return order;
        }

        int file() {
            return file;
        }

        String text() {
            return text;
        }

        long at() {
            return at;
        }
    }

    /** The CRM side, as every machine rebuilds it from the {@link Setup}: the read's files and notes too. */
    record Crm(OutcomeMapping mapping, OutcomeData data, Identities identities, JourneyOptions options,
               List<CrmReader.FileRead> files, List<String> notes) {
    }

    /**
     * The touchpoint lines keyed by journey and shuffled (cached until {@link #close}), with what
     * reads them: the job of {@link #journeys} and of {@link ScaleFunnel} after the shuffle.
     */
    record Shuffled(Setup setup, Crm side, org.apache.spark.broadcast.Broadcast<Setup> shipped,
                    HashPartitioner partitioner, JavaPairRDD<String, Line> byJourney, List<CrmReader.Source> crmSources,
                    List<byte[]> crmBytes, SparkSession spark) implements AutoCloseable {

        /** The problem a task found, said as the CLI says it (the files read again in the driver). */
        ScaleProblem problem() {
            return problems(crmSources, crmBytes, setup.files(), setup.names(), side.mapping(), spark);
        }

        /** The votes of the touches' channels per campaign, counted over all touches when a campaign response needs them. */
        Map<String, Map<String, Integer>> votes() {
            if (!needsVotes(side)) {
                return Map.of();
            }
            org.apache.spark.broadcast.Broadcast<Setup> ship = shipped; // not the record: it is not sent to the executors
            Part<HashMap<String, Map<String, Integer>>> counted = byJourney.mapPartitions(
                    lines -> List.of(ScaleJourneys.votes(ship.value(), lines)).iterator()).reduce((a, b) -> Part.merge(a, b,
                    ScaleJourneys::mergeVotes));
            if (counted.problem() != null) {
                throw problem();
            }
            return counted.summary();
        }

        @Override
        public void close() {
            byJourney.unpersist(true); // before the session may stop: its blocks removed, not left to a stopping pool
            shipped.destroy();
        }
    }

    private static final String PROBLEM = "\u0000problem";
    private static final Object LOCK = new Object();
    private static String cachedId;
    private static Crm cached;

    private ScaleJourneys() {
    }

    /**
     * The journeys of the touchpoints at {@code touchpoints} (a CSV file or a directory of them,
     * on any file system Hadoop reads) and the CRM exports at {@code crm} (read by the driver).
     *
     * @throws ScaleProblem for bad input, said as {@code baton attribute} says it
     */
    public static dev.baton.measure.attribution.Journeys journeys(SparkSession spark, List<java.nio.file.Path> crm,
                                                                   String touchpoints, java.nio.file.Path mappingFile,
                                                                   JourneyOptions options, int partitions) {
        try (Shuffled shuffled = shuffle(spark, crm, touchpoints, mappingFile, null, null, options, partitions)) {
            // The channel of a campaign response without one is its campaign's touches' most frequent:
            // counted over all touches first, only when a response needs it.
            Map<String, Map<String, Integer>> allVotes = shuffled.votes();
            org.apache.spark.broadcast.Broadcast<Setup> shipped = shuffled.shipped();
            HashPartitioner partitioner = shuffled.partitioner();
            Part<dev.baton.measure.attribution.Journeys> merged = shuffled.byJourney().mapPartitionsWithIndex((part, lines) ->
                            List.of(cut(shipped.value(), allVotes, partitioner, part, lines)).iterator(), true)
                    .reduce((a, b) -> Part.merge(a, b, dev.baton.measure.attribution.Journeys::merge));
            if (merged.problem() != null) {
                throw shuffled.problem();
            }
            return merged.summary();
        }
    }

    /**
     * The CRM exports read by the driver (their problems said as the CLI says them) and shipped; the
     * touchpoint files' lines read in the executors, keyed by journey and shuffled by that key. The
     * operating model {@code modelFile} ({@code modelText}, valid; or null) names the funnel's stages.
     *
     * @throws ScaleProblem for bad input, said as the CLI says it
     */
    static Shuffled shuffle(SparkSession spark, List<java.nio.file.Path> crm, String touchpoints,
                            java.nio.file.Path mappingFile, String modelFile, String modelText, JourneyOptions options,
                            int partitions) {
        String mappingText = mappingFile == null ? null : readMapping(mappingFile);
        List<CrmReader.Source> crmSources;
        List<byte[]> crmBytes = new ArrayList<>();
        try {
            crmSources = CrmReader.sources(crm);
            for (CrmReader.Source s : crmSources) {
                try (var in = s.opener().open()) {
                    crmBytes.add(in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new ScaleProblem("baton: " + e.getMessage());
        }
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<String[]> found = touchpointFiles(touchpoints, hadoop);
        if (found.isEmpty()) {
            throw new ScaleProblem(touchpoints + ": error: no touchpoint file (.csv, .csv.gz, .parquet or .jsonl) found");
        }
        List<String> files = found.stream().map(f -> f[0]).toList();
        List<String> names = found.stream().map(f -> f[1]).toList();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> headers = new ArrayList<>();
        List<JavaRDD<String>> texts = new ArrayList<>();
        for (String f : files) {
            JavaRDD<String> text = TouchpointTables.text(spark, f);
            List<String> first = text.take(1);
            headers.add(first.isEmpty() ? "" : first.get(0));
            texts.add(text);
        }
        Setup setup = new Setup(java.util.UUID.randomUUID().toString(),
                crmSources.stream().map(CrmReader.Source::name).toList(), crmBytes, mappingText, modelFile, modelText,
                options.by(),
                options.conversion(), options.lookback(), files, names, headers);
        Crm side = crm(setup);
        for (int f = 0; f < files.size(); f++) {
            ExportKind kind = kindOf(names.get(f), headers.get(f), side.mapping());
            if (kind == null) {
                throw problems(crmSources, crmBytes, files, names, side.mapping(), spark);
            }
            if (kind != ExportKind.TOUCHPOINTS) {
                throw new ScaleProblem(names.get(f) + ":1:1: error: expected a touchpoint file (email or account, time, "
                        + "channel …), found the header of " + kind.label() + "; give CRM exports with --crm");
            }
        }

        // Shipped once to each executor, not with every task.
        org.apache.spark.broadcast.Broadcast<Setup> shipped = jsc.broadcast(setup);
        HashPartitioner partitioner = new HashPartitioner(partitions);
        JavaPairRDD<String, Line> keyed = null;
        for (int f = 0; f < texts.size(); f++) {
            int file = f;
            JavaPairRDD<String, Line> one = texts.get(f).mapPartitionsWithIndex((part, lines) ->
                    keyed(shipped.value(), file, part, lines), true).mapToPair(t -> t);
            keyed = keyed == null ? one : keyed.union(one);
        }
        // Shuffled with Kryo whatever the session's serializer (a key, the line and three numbers: a few
        // bytes beyond the line), and cached as objects: each pass after the shuffle reads them as they are.
        scala.reflect.ClassTag<String> keyTag = scala.reflect.ClassTag$.MODULE$.apply(String.class);
        scala.reflect.ClassTag<Line> lineTag = scala.reflect.ClassTag$.MODULE$.apply(Line.class);
        @SuppressWarnings({"unchecked", "rawtypes"})
        org.apache.spark.rdd.ShuffledRDD<String, Line, Line> shuffledLines = new org.apache.spark.rdd.ShuffledRDD(
                keyed.rdd(), partitioner, keyTag, lineTag, lineTag);
        shuffledLines.setSerializer(new org.apache.spark.serializer.KryoSerializer(spark.sparkContext().getConf().clone()
                .set("spark.kryo.classesToRegister", Line.class.getName())));
        JavaPairRDD<String, Line> byJourney = JavaPairRDD.fromRDD(shuffledLines, keyTag, lineTag)
                .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        return new Shuffled(setup, side, shipped, partitioner, byJourney, crmSources, crmBytes, spark);
    }

    /** The CRM side of {@code setup}, read once a JVM (the driver's own when the executors run in it). */
    static Crm crm(Setup setup) {
        synchronized (LOCK) {
            if (setup.id().equals(cachedId)) {
                return cached;
            }
            OutcomeMapping mapping = OutcomeMapping.DEFAULT;
            if (setup.mappingText() != null) {
                mapping = OutcomeMappingReader.read(setup.mappingText()).mapping();
            }
            mapping = mapping.withFunnel(setup.modelText() == null ? FunnelSettings.NONE
                    : dev.baton.model.validation.ModelValidation.validate(setup.modelFile(), setup.modelText()).model()
                    .funnel());
            List<CrmReader.Source> sources = new ArrayList<>();
            for (int i = 0; i < setup.crmNames().size(); i++) {
                byte[] bytes = setup.crmBytes().get(i);
                sources.add(new CrmReader.Source(setup.crmNames().get(i), () -> new ByteArrayInputStream(bytes)));
            }
            CrmReader.Result read = CrmReader.read(sources, mapping);
            if (!read.ok()) {
                throw new ScaleProblem(said(read.problems()));
            }
            Identities identities = IdentityMatcher.match(read.data(), mapping.identity());
            cached = new Crm(mapping, read.data(), identities, new JourneyOptions(setup.by(), setup.conversion(),
                    setup.lookback()), read.files(), read.notes());
            cachedId = setup.id();
            return cached;
        }
    }

    /** One part of a touchpoint file: each line keyed by the journey its touch belongs to (unplaced ones by ""). */
    private static Iterator<Tuple2<String, Line>> keyed(Setup setup, int file, int part, Iterator<String> lines) {
        Crm side = crm(setup);
        String header = setup.headers().get(file);
        List<String> texts = new ArrayList<>();
        while (lines.hasNext()) {
            String line = lines.next();
            if (!line.equals(header)) {
                texts.add(line);
            }
        }
        // Each distinct line read once, all together: a repeated line is the same touch (kept once after
        // the shuffle), and a line of separators only is blank (no touch, no problem).
        Map<String, Integer> distinct = new java.util.LinkedHashMap<>();
        for (String text : texts) {
            if (!text.replace(",", "").isBlank()) {
                distinct.putIfAbsent(text, distinct.size());
            }
        }
        List<String> unique = new ArrayList<>(distinct.keySet());
        CrmReader.Result whole = CrmReader.readPart(setup.names().get(file), header, unique.iterator(), side.mapping());
        if (!whole.ok()) {
            return List.of(new Tuple2<>(PROBLEM, new Line(0, -1, "", 0))).iterator();
        }
        List<Touchpoint> read = whole.data().touchpoints();
        // Two different lines may still give one touch (spaces around values): then each line on its own.
        boolean oneEach = read.size() == unique.size();
        String[] keys = new String[unique.size()];
        long[] times = new long[unique.size()];
        for (int u = 0; u < unique.size(); u++) {
            List<Touchpoint> own = oneEach ? List.of(read.get(u)) : CrmReader.readPart(setup.names().get(file), header,
                    List.of(unique.get(u)).iterator(), side.mapping()).data().touchpoints();
            String key = own.isEmpty() ? null : TouchIndex.keyOf(own.get(0), side.identities(), side.options().by());
            keys[u] = own.isEmpty() ? null : key == null ? "" : key;
            times[u] = own.isEmpty() ? 0 : own.get(0).at().toEpochMilli();
        }
        List<Tuple2<String, Line>> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            Integer u = distinct.get(texts.get(i));
            if (u != null && keys[u] != null) {
                out.add(new Tuple2<>(keys[u], new Line(((long) part << 32) | i, file, texts.get(i), times[u])));
            }
        }
        return out.iterator();
    }

    /** The touchpoints of a partition's lines, in the files' order, an exact repeat kept once; null on a problem. */
    static List<Touchpoint> touches(Setup setup, Crm side, Iterator<Tuple2<String, Line>> lines) {
        List<Line> all = new ArrayList<>();
        while (lines.hasNext()) {
            Line l = lines.next()._2();
            if (l.file() < 0) {
                return null;
            }
            all.add(l);
        }
        all.sort(java.util.Comparator.comparingInt(Line::file).thenComparingLong(Line::order));
        LinkedHashSet<Touchpoint> kept = new LinkedHashSet<>();
        int from = 0;
        while (from < all.size()) {
            int file = all.get(from).file();
            int to = from;
            while (to < all.size() && all.get(to).file() == file) {
                to++;
            }
            CrmReader.Result r = CrmReader.readPart(setup.names().get(file), setup.headers().get(file),
                    all.subList(from, to).stream().map(Line::text).iterator(), side.mapping());
            if (!r.ok()) {
                return null;
            }
            kept.addAll(r.data().touchpoints());
            from = to;
        }
        return new ArrayList<>(kept);
    }

    static Part<HashMap<String, Map<String, Integer>>> votes(Setup setup, Iterator<Tuple2<String, Line>> lines) {
        List<Touchpoint> touches = touches(setup, crm(setup), lines);
        if (touches == null) {
            return Part.failed("touchpoints");
        }
        HashMap<String, Map<String, Integer>> votes = new HashMap<>();
        for (Touchpoint t : touches) {
            if (t.campaign() != null) {
                votes.computeIfAbsent(t.campaign(), k -> new HashMap<>()).merge(t.channel(), 1, Integer::sum);
            }
        }
        return Part.of(votes);
    }

    static HashMap<String, Map<String, Integer>> mergeVotes(HashMap<String, Map<String, Integer>> a,
                                                                    HashMap<String, Map<String, Integer>> b) {
        b.forEach((campaign, counted) -> counted.forEach((channel, n) ->
                a.computeIfAbsent(campaign, k -> new HashMap<>()).merge(channel, n, Integer::sum)));
        return a;
    }

    /** One partition's journeys: its touches, with the opportunities and campaign responses of its keys, cut. */
    private static Part<dev.baton.measure.attribution.Journeys> cut(Setup setup, Map<String, Map<String, Integer>> votes,
                                                                    HashPartitioner partitioner, int part,
                                                                    Iterator<Tuple2<String, Line>> lines) {
        Crm side = crm(setup);
        List<Touchpoint> touches = touches(setup, side, lines);
        if (touches == null) {
            return Part.failed("touchpoints");
        }
        TouchIndex.By by = side.options().by();
        List<Opportunity> opportunities = new ArrayList<>();
        for (Opportunity o : side.data().opportunities()) {
            String key = Journeys.keyOfOpportunity(o.id().value(), side.identities(), by);
            if (key != null && partitioner.getPartition(key) == part) {
                opportunities.add(o);
            }
        }
        List<CampaignMember> members = responses(side, votes, partitioner, part, false);
        OutcomeData data = new OutcomeData(List.of(), List.of(), opportunities, List.of(), members, touches);
        TouchIndex index = TouchIndex.build(data, side.identities(), side.mapping(), by);
        return Part.of(Journeys.forModels(Journeys.build(data, side.identities(), index, side.options()).journeys()));
    }

    /**
     * The campaign responses of a partition's keys, given the channels of all the touches ({@code votes});
     * with {@code unplaced}, those no account or person takes too, in the partition of the key ""
     * (where the touches no one takes are).
     */
    static List<CampaignMember> responses(Crm side, Map<String, Map<String, Integer>> votes, HashPartitioner partitioner,
                                          int part, boolean unplaced) {
        TouchIndex.By by = side.options().by();
        List<CampaignMember> members = new ArrayList<>();
        for (CampaignMember m : TouchIndex.withChannels(side.data().campaignMembers(), votes, side.identities(),
                side.mapping(), by)) {
            if (m.responded() == null) {
                continue;
            }
            String key = TouchIndex.keyOf(m, side.identities(), by);
            if (key != null ? partitioner.getPartition(key) == part : unplaced && partitioner.getPartition("") == part) {
                members.add(m);
            }
        }
        return members;
    }

    static boolean needsVotes(Crm side) {
        return side.data().campaignMembers().stream().anyMatch(m -> m.responded() != null && m.channel() == null
                && !side.mapping().campaigns().channels().containsKey(m.campaign()));
    }

    /** The kind of export a header reads as, or null when it reads as none (a column missing …). */
    private static ExportKind kindOf(String file, String header, OutcomeMapping mapping) {
        CrmReader.Result r = CrmReader.readPart(file, header, java.util.Collections.emptyIterator(), mapping);
        return r.ok() && !r.files().isEmpty() ? r.files().get(0).kind() : null;
    }

    /**
     * The touchpoints had a problem: every file read again as {@code baton attribute} reads them,
     * in the driver, so that each problem is said with its file, line and column as the CLI says it.
     */
    private static ScaleProblem problems(List<CrmReader.Source> crm, List<byte[]> crmBytes, List<String> files,
                                         List<String> names, OutcomeMapping mapping, SparkSession spark) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<CrmReader.Source> sources = new ArrayList<>();
        for (int i = 0; i < crm.size(); i++) {
            byte[] bytes = crmBytes.get(i);
            sources.add(new CrmReader.Source(crm.get(i).name(), () -> new ByteArrayInputStream(bytes)));
        }
        for (int i = 0; i < files.size(); i++) {
            String f = files.get(i);
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(f);
            sources.add(new CrmReader.Source(names.get(i), () -> TouchpointTables.isTable(f) ? TouchpointTables.open(spark, f)
                    : p.getFileSystem(hadoop).open(p)));
        }
        CrmReader.Result read = CrmReader.read(sources, mapping);
        if (read.ok()) {
            return new ScaleProblem(String.join(", ", names) + ": error: a quoted value spans lines, which baton-scale "
                    + "cannot split; write each touchpoint on one line");
        }
        return new ScaleProblem(said(read.problems(), TouchpointTables::said));
    }

    /** Problems as the CLI prints them: the first {@value #SHOWN}, then how many more. */
    static String said(List<CrmProblem> problems) {
        return said(problems, CrmProblem::format);
    }

    private static String said(List<CrmProblem> problems, java.util.function.Function<CrmProblem, String> format) {
        StringBuilder text = new StringBuilder();
        problems.stream().limit(SHOWN).forEach(p -> text.append(text.isEmpty() ? "" : "\n").append(format.apply(p)));
        if (problems.size() > SHOWN) {
            text.append("\n… and ").append(problems.size() - SHOWN).append(" more problems (").append(problems.size())
                    .append(" in all); nothing was read");
        }
        return text.toString();
    }

    /**
     * The touchpoint files at {@code path}: the file, or a directory's .csv and .csv.gz files sorted by
     * name, as the CLI takes them, and Parquet and JSON Lines tables ({@link TouchpointTables}); each as
     * Hadoop reads it and as the CLI names it (the directory as given, then the name).
     */
    private static List<String[]> touchpointFiles(String path, Configuration hadoop) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = p.getFileSystem(hadoop);
            if (!fs.exists(p)) {
                throw new ScaleProblem(path + ": error: no such file (expected touchpoint CSV files)");
            }
            if (!fs.getFileStatus(p).isDirectory() || TouchpointTables.isTable(path)) {
                // a file, or a table Spark wrote as a directory (touchpoints.parquet/)
                return List.<String[]>of(new String[] {path, path});
            }
            String dir = path.endsWith("/") ? path : path + "/";
            List<String[]> files = new ArrayList<>();
            for (FileStatus s : fs.listStatus(p)) {
                String name = s.getPath().getName();
                if (s.isFile() && name.matches(TouchpointTables.NAMES) || s.isDirectory() && TouchpointTables.isTable(name)) {
                    files.add(new String[] {s.getPath().toString(), dir + name});
                }
            }
            files.sort(java.util.Comparator.comparing(f -> new org.apache.hadoop.fs.Path(f[0]).getName()));
            return files;
        } catch (IOException | IllegalArgumentException e) {
            throw new ScaleProblem(path + ": error: cannot read (" + e.getMessage() + ")");
        }
    }

    private static String readMapping(java.nio.file.Path file) {
        try {
            String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            OutcomeMappingReader.Result r = OutcomeMappingReader.read(text);
            List<String> said = r.problems().stream().map(p -> p.format(file.toString())).toList();
            if (!r.valid() || r.problems().stream().anyMatch(dev.baton.model.problem.Problem::isError)) {
                throw new ScaleProblem(String.join("\n", said));
            }
            return text;
        } catch (IOException e) {
            throw new ScaleProblem(file + ": error: " + (java.nio.file.Files.exists(file) ? "cannot read the file ("
                    + e.getMessage() + ")" : "no such file"));
        }
    }
}
