package dev.baton.app.cli;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItem;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.log.LogFormatException;
import dev.baton.measure.funnel.Dimension;
import dev.baton.measure.funnel.Funnel;
import dev.baton.measure.link.CampaignLinks;
import dev.baton.model.OperatingModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For {@code baton funnel --by work-type --log LOG --model MODEL.yaml}: the campaign work items of a
 * log joined to the campaigns of the outcome data as the server joins its own items
 * ({@link CampaignLinks}: the mapping's {@code campaigns.link-field}, its aliases, the campaign's name
 * then its UTM campaign), so the CLI and {@code GET /api/v1/outcomes/funnel?by=work-type} give one
 * answer for the same items and exports.
 */
final class CampaignWorkTypes {

    private CampaignWorkTypes() {
    }

    /**
     * Each linked campaign with the work type of its items ({@link CampaignLinks#workTypes}), or null
     * when the log cannot be read or nothing can be linked, with the reason on {@code err} (exit 1).
     * How many items were linked, and those that were not, go to {@code err} as a summary.
     */
    static Map<String, String> of(Path logFile, OperatingModel model, OutcomeInputs.Read read, PrintWriter err)
            throws IOException {
        String field = read.mapping().campaigns().linkField();
        if (field == null) {
            err.println("baton funnel: error: --by work-type links campaign work items to their campaigns through "
                    + "campaigns.link-field, which the outcome mapping does not name: add 'campaigns: {link-field: "
                    + "FIELD}' (the template field holding the CRM or UTM campaign name) to the --mapping file");
            return null;
        }
        if (model.templates().stream().noneMatch(t -> t != null && t.field(field).isPresent())) {
            err.println("baton funnel: error: no template of the model has the field '" + field + "' that the "
                    + "outcome mapping's campaigns.link-field names, so no work item can be linked to its campaign: "
                    + "add the field to the campaign template, or name another field");
            return null;
        }
        LogOptions log = new LogOptions();
        log.log = logFile;
        Map<String, WorkItem> items = items(log, model, err);
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            log.noWorkItems(err, "");
            return null;
        }
        CampaignLinks.Result links = CampaignLinks.join(field,
                CampaignLinks.campaignItems(model, field, items.values()),
                Funnel.compute(read.crm().data(), read.identities(), read.mapping(), Dimension.CAMPAIGN, read.options()),
                read.crm().data().touchpoints(), read.mapping().campaigns().aliases());
        err.printf("baton funnel: %d campaign work items in %s (of %d items): %d linked to a campaign, %d to none%n",
                links.linked().size() + links.unlinked().size(), logFile.getFileName(), items.size(),
                links.linked().size(), links.unlinked().size());
        links.unlinked().stream().limit(5).forEach(u -> err.println("  " + u.item().item() + " (" + u.item().title()
                + "): " + u.reason()));
        return CampaignLinks.workTypes(links);
    }

    /** The log's work items as their events left them (the engine's fold), by id; null when unreadable. */
    private static Map<String, WorkItem> items(LogOptions log, OperatingModel model, PrintWriter err) throws IOException {
        if (!log.isFile(err)) {
            return null;
        }
        Map<String, WorkItem> items = new LinkedHashMap<>();
        try {
            DebtAnalysis.EventSource events = log.events(model);
            events.forEach((RecordedEvent e) -> items.compute(e.stream(),
                    (stream, item) -> item == null ? WorkItem.created(e) : item.apply(e)));
        } catch (LogFormatException e) {
            err.println(e.getMessage());
            return null;
        } catch (IOException | RuntimeException e) {
            if (!log.explain(e, err)) {
                throw e;
            }
            return null;
        }
        items.values().removeIf(java.util.Objects::isNull);
        return items;
    }
}
