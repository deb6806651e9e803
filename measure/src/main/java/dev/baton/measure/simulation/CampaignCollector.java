package dev.baton.measure.simulation;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Watches a simulated event log go by and keeps its campaign work items: the items of every work
 * type whose template has the link field (the field that names the item's CRM or UTM campaign,
 * {@code campaigns.link-field} of the outcome mapping). An item's channel is the first value of its
 * template's channel field (a field whose id says "channel"); it goes live on its start date (a
 * date field whose id says "start"), else when it was created.
 */
public final class CampaignCollector implements Consumer<RecordedEvent> {

    /** The link field when none is named: the campaign brief's field of the example models. */
    public static final String DEFAULT_LINK_FIELD = "campaign-name";

    private final String linkField;
    private final Set<String> campaignTypes = new HashSet<>();
    private final Map<String, String> channelField = new HashMap<>();
    private final Map<String, String> startField = new HashMap<>();
    private final Map<String, Item> items = new LinkedHashMap<>();

    public CampaignCollector(OperatingModel model, String linkField) {
        this.linkField = linkField;
        for (WorkType w : model.workTypes()) {
            Template t = w.template() == null ? null : model.template(w.template()).orElse(null);
            if (w.id() == null || t == null || t.fields().stream().noneMatch(f -> linkField.equals(f.id()))) {
                continue;
            }
            campaignTypes.add(w.id());
            t.fields().stream().filter(f -> f.id() != null && f.id().toLowerCase(Locale.ROOT).contains("channel"))
                    .findFirst().ifPresent(f -> channelField.put(w.id(), f.id()));
            t.fields().stream().filter(f -> f.id() != null && f.id().toLowerCase(Locale.ROOT).contains("start"))
                    .findFirst().ifPresent(f -> startField.put(w.id(), f.id()));
        }
    }

    /** Whether the model has a work type that carries the link field at all. */
    public boolean hasCampaignTypes() {
        return !campaignTypes.isEmpty();
    }

    @Override
    public void accept(RecordedEvent e) {
        if (e.workType() == null || !campaignTypes.contains(e.workType())) {
            return;
        }
        if (e.event() instanceof WorkItemEvent.ItemCreated created) {
            Item item = new Item(e.stream(), e.workType(), e.at());
            item.fields.putAll(created.fields() == null ? Map.of() : created.fields());
            items.put(e.stream(), item);
        } else if (e.event() instanceof WorkItemEvent.FieldsUpdated updated && items.containsKey(e.stream())) {
            updated.changes().forEach((k, v) -> {
                if (v == null) {
                    items.get(e.stream()).fields.remove(k);
                } else {
                    items.get(e.stream()).fields.put(k, v);
                }
            });
        }
    }

    /** The campaigns seen, in the order their items were created; items with no campaign name are left out. */
    public List<SimulatedCampaign> campaigns() {
        List<SimulatedCampaign> campaigns = new ArrayList<>();
        for (Item item : items.values()) {
            Object name = item.fields.get(linkField);
            if (!(name instanceof String s) || s.isBlank()) {
                continue;
            }
            campaigns.add(new SimulatedCampaign(item.id, item.workType, s.strip(), channel(item), launch(item)));
        }
        return campaigns;
    }

    private String channel(Item item) {
        Object v = channelField.containsKey(item.workType) ? item.fields.get(channelField.get(item.workType)) : null;
        if (v instanceof List<?> list && !list.isEmpty() && list.get(0) != null) {
            return String.valueOf(list.get(0)).strip();
        }
        if (v instanceof String s && !s.isBlank()) {
            return s.lines().findFirst().orElse(s).strip();
        }
        // A campaign with no channel of its own is named by its work type: still one channel, never dropped.
        return item.workType;
    }

    private Instant launch(Item item) {
        Object v = startField.containsKey(item.workType) ? item.fields.get(startField.get(item.workType)) : null;
        if (v instanceof String s) {
            try {
                return LocalDate.parse(s.strip()).atTime(9, 0).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // not a date: the item's creation stands in
            }
        }
        return item.created;
    }

    private static final class Item {
        final String id;
        final String workType;
        final Instant created;
        final Map<String, Object> fields = new HashMap<>();

        Item(String id, String workType, Instant created) {
            this.id = id;
            this.workType = workType;
            this.created = created;
        }
    }
}
