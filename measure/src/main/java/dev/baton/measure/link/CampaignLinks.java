package dev.baton.measure.link;

import dev.baton.engine.item.WorkItem;
import dev.baton.measure.funnel.FunnelReport;
import dev.baton.measure.outcome.Touchpoint;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Campaign work items joined to the campaigns of the outcome data (docs/outcomes.md#campaigns-beside-their-debt):
 * an item names its CRM or UTM campaign in a field of its template (the outcome mapping's
 * {@code campaigns.link-field}); the value is read through the mapping's aliases and matched to a
 * campaign of the funnel (its name, or the UTM campaign of its touchpoints), exactly, else ignoring
 * case. Every item that links to nothing, every campaign no item links to, and every touchpoint of
 * no linked campaign is counted and named, never dropped silently.
 */
public final class CampaignLinks {

    /** A campaign work item and what its link field says (null or blank: nothing). */
    public record CampaignItem(String item, String title, String workType, String linkValue) {
    }

    /** An item linked to a campaign of the outcome data, with that campaign's pipeline and revenue. */
    public record Linked(CampaignItem item, String campaign, FunnelReport.Money money) {
    }

    /** An item that links to no campaign, and why. */
    public record Unlinked(CampaignItem item, String reason) {
    }

    /** A campaign of the outcome data no item links to, with its money and touchpoints. */
    public record Orphan(String campaign, FunnelReport.Money money, long touchpoints) {
    }

    /**
     * @param unmatchedTouchpoints touchpoints whose campaign no item links to (those without a campaign included)
     * @param unmatchedExamples    their campaigns with counts, most touchpoints first: {@code Q1 Search (3)}
     */
    public record Result(String linkField, List<Linked> linked, List<Unlinked> unlinked, List<Orphan> campaignsWithoutItem,
                         long touchpoints, long unmatchedTouchpoints, List<String> unmatchedExamples) {

        /** The linked row of an item, or null. */
        public Linked of(String item) {
            return linked.stream().filter(l -> l.item().item().equals(item)).findFirst().orElse(null);
        }
    }

    private static final String NO_CAMPAIGN = "(no campaign)";

    private CampaignLinks() {
    }

    /** Whether items of this work type are campaign items: its template has the link field (none without a field). */
    public static boolean linkable(OperatingModel model, String workType, String linkField) {
        if (linkField == null) {
            return false;
        }
        Optional<WorkType> type = model.workType(workType);
        return type.isPresent() && type.get().template() != null
                && model.template(type.get().template()).flatMap(t -> t.field(linkField)).isPresent();
    }

    /**
     * The campaign items among work items, in their order: the items whose work type is linkable under
     * {@code model}, each with the value of its link field. The server passes its engine's items, the
     * CLI the items of a log: both link the same way.
     */
    public static List<CampaignItem> campaignItems(OperatingModel model, String linkField, Collection<WorkItem> items) {
        List<CampaignItem> campaignItems = new ArrayList<>();
        for (WorkItem i : items) {
            if (linkable(model, i.workType(), linkField)) {
                Object value = i.fields().get(linkField);
                campaignItems.add(new CampaignItem(i.id().value(), i.title(), i.workType(),
                        value == null ? null : String.valueOf(value)));
            }
        }
        return campaignItems;
    }

    /**
     * For the funnel by work type ({@code Funnel.compute}'s relabelling): each campaign an item links to,
     * with that item's work type; several types linking one campaign are joined in name order
     * ("event + webinar"). A campaign no item links to is not named (its group is "(no linked work item)").
     */
    public static Map<String, String> workTypes(Result links) {
        Map<String, TreeSet<String>> types = new HashMap<>();
        links.linked().forEach(l -> types.computeIfAbsent(l.campaign(), k -> new TreeSet<>()).add(l.item().workType()));
        Map<String, String> relabel = new HashMap<>();
        types.forEach((campaign, t) -> relabel.put(campaign, String.join(" + ", t)));
        return relabel;
    }

    /**
     * @param byCampaign the funnel split by campaign, whose groups' money is each campaign's
     * @param aliases    the mapping's campaign aliases (another name → the one name)
     */
    public static Result join(String linkField, List<CampaignItem> items, FunnelReport byCampaign,
                              List<Touchpoint> touchpoints, Map<String, String> aliases) {
        Map<String, FunnelReport.Group> groups = new LinkedHashMap<>();
        Map<String, String> byLowerCase = new HashMap<>();
        for (FunnelReport.Group g : byCampaign.groups()) {
            if (!g.key().equals("(none)")) {
                groups.put(g.key(), g);
                byLowerCase.putIfAbsent(g.key().toLowerCase(Locale.ROOT), g.key());
            }
        }
        Map<String, String> utm = new HashMap<>();
        Map<String, Long> touchesOf = new HashMap<>();
        for (Touchpoint t : touchpoints) {
            if (t.campaign() != null && t.utmCampaign() != null) {
                utm.putIfAbsent(t.utmCampaign().toLowerCase(Locale.ROOT), t.campaign());
            }
            touchesOf.merge(t.campaign() == null ? NO_CAMPAIGN : t.campaign(), 1L, Long::sum);
        }
        List<Linked> linked = new ArrayList<>();
        List<Unlinked> unlinked = new ArrayList<>();
        for (CampaignItem item : items) {
            String value = item.linkValue() == null ? "" : item.linkValue().strip();
            if (value.isEmpty()) {
                unlinked.add(new Unlinked(item, "its " + linkField + " is empty"));
                continue;
            }
            String name = aliases.getOrDefault(value, value);
            String campaign = groups.containsKey(name) ? name : byLowerCase.get(name.toLowerCase(Locale.ROOT));
            if (campaign == null) {
                campaign = utm.get(name.toLowerCase(Locale.ROOT));
            }
            if (campaign == null && touchesOf.containsKey(name)) {
                campaign = name; // touched, but no opportunity or lead is its: linked, with no money
            }
            if (campaign == null) {
                unlinked.add(new Unlinked(item, "no campaign or UTM campaign named '" + value + "' in the outcome data"));
            } else {
                FunnelReport.Group g = groups.get(campaign);
                linked.add(new Linked(item, campaign, g == null ? new FunnelReport.Money(0, 0, 0, 0, 0, 0, 0, 0) : g.money()));
            }
        }
        java.util.Set<String> linkedCampaigns = new java.util.HashSet<>();
        linked.forEach(l -> linkedCampaigns.add(l.campaign()));
        List<Orphan> orphans = new ArrayList<>();
        TreeMap<String, Long> campaigns = new TreeMap<>();
        groups.keySet().forEach(k -> campaigns.put(k, touchesOf.getOrDefault(k, 0L)));
        touchesOf.forEach((k, n) -> {
            if (!k.equals(NO_CAMPAIGN)) {
                campaigns.put(k, n);
            }
        });
        campaigns.forEach((campaign, n) -> {
            if (!linkedCampaigns.contains(campaign)) {
                FunnelReport.Group g = groups.get(campaign);
                orphans.add(new Orphan(campaign, g == null ? new FunnelReport.Money(0, 0, 0, 0, 0, 0, 0, 0) : g.money(), n));
            }
        });
        long unmatched = 0;
        List<Map.Entry<String, Long>> examples = new ArrayList<>();
        for (Map.Entry<String, Long> e : touchesOf.entrySet()) {
            if (!linkedCampaigns.contains(e.getKey())) {
                unmatched += e.getValue();
                examples.add(e);
            }
        }
        examples.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return new Result(linkField, List.copyOf(linked), List.copyOf(unlinked), List.copyOf(orphans), touchpoints.size(),
                unmatched, examples.stream().limit(10).map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
    }
}
