package dev.baton.measure.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What comparable past work produced, as evidence for the impact input of a request
 * (docs/outcomes.md#intake-evidence): the linked campaign items of the request's work type whose
 * campaign runs in one of the request's channels (any channel when the request names none), and
 * the median pipeline their campaigns sourced. Sourced is the model: the opportunity's primary
 * campaign, else the account's first touch in the lookback window (first touch).
 */
public final class ComparableWork {

    public static final String MODEL = "sourced (the primary campaign, else the first touch)";

    /**
     * @param items          the comparable items, by id
     * @param medianPipeline the median of their campaigns' sourced pipeline; null when there are none
     */
    public record Evidence(String workType, List<String> channels, List<String> items, Double medianPipeline,
                           String model) {

        /** One sentence for the person who types the impact. */
        public String sentence() {
            String where = "work type " + workType + (channels.isEmpty() ? "" : ", channel " + String.join(" or ", channels));
            if (items.isEmpty()) {
                return "No comparable past work (" + where + ") is linked to a campaign of the outcome data yet.";
            }
            return String.format(Locale.ROOT, "Comparable past work (%s) sourced a median %,.0f pipeline: %d item%s behind it, "
                    + "attribution model %s.", where, medianPipeline, items.size(), items.size() == 1 ? "" : "s", model);
        }
    }

    private ComparableWork() {
    }

    /**
     * @param channelOf the channel a campaign runs in (the channel most of its touches are in), or null
     */
    public static Evidence of(CampaignLinks.Result links, String workType, Collection<String> channels,
                              Function<String, String> channelOf) {
        Set<String> wanted = channels.stream().map(ComparableWork::key).filter(c -> !c.isEmpty()).collect(Collectors.toSet());
        List<String> items = new ArrayList<>();
        List<Double> pipeline = new ArrayList<>();
        for (CampaignLinks.Linked l : links.linked()) {
            if (!workType.equals(l.item().workType())) {
                continue;
            }
            String channel = channelOf.apply(l.campaign());
            if (!wanted.isEmpty() && (channel == null || !wanted.contains(key(channel)))) {
                continue;
            }
            items.add(l.item().item());
            pipeline.add(l.money().pipelineSourced());
        }
        return new Evidence(workType, channels.stream().map(String::strip).filter(c -> !c.isEmpty()).toList(),
                List.copyOf(items), median(pipeline), MODEL);
    }

    /** The middle value, or the mean of the two middle values; null for none. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** "Paid social", "paid_social" and "paid-social" are one channel. */
    static String key(String channel) {
        return channel.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
    }
}
