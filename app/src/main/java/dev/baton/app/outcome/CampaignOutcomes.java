package dev.baton.app.outcome;

import dev.baton.engine.Engine;
import dev.baton.engine.item.ItemFilter;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.version.ModelVersion;
import dev.baton.measure.funnel.FunnelReport;
import dev.baton.measure.link.CampaignLinks;
import dev.baton.model.OperatingModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Campaigns' pipeline beside their debt (docs/outcomes.md#campaigns-beside-their-debt): each campaign
 * work item joined to its CRM or UTM campaign through the mapping's {@code campaigns.link-field}
 * ({@link CampaignLinks}), with the sourced and influenced pipeline and won revenue of that campaign
 * beside the case's orchestration debt ({@link CaseDebt}: hours lost, rework, approval wait).
 */
@Service
public class CampaignOutcomes {

    /** A linked campaign item: its outcomes and its debt (null when its case has no event). */
    public record Row(CampaignLinks.Linked link, CaseDebt.Debt debt) {

        /** The row as the pages show it; the debt columns say "no events" when the case has none. */
        public View view() {
            FunnelReport.Money m = link.money();
            return new View(link.item().item(), link.item().title(), link.campaign(),
                    money(m.pipelineSourced()) + " (" + m.opportunitiesSourced() + ")",
                    money(m.pipelineInfluenced()) + " (" + m.opportunitiesInfluenced() + ")",
                    money(m.revenueSourced()) + " (" + m.wonSourced() + " won)",
                    debt == null ? "no events" : String.format(Locale.ROOT, "%.1f h", debt.hoursLost()),
                    debt == null ? "–" : String.format(Locale.ROOT, "%.0f of %d items went back (%.1f h)",
                            debt.reworkItems(), debt.items(), debt.reworkHours()),
                    debt == null ? "–" : String.format(Locale.ROOT, "%.1f h over %.0f rounds, %.0f dragged",
                            debt.approvalWaitHours(), debt.approvalRounds(), debt.draggedRounds()));
        }

        private static String money(double amount) {
            return String.format(Locale.ROOT, "%,.0f", amount);
        }
    }

    /** A campaign item's outcomes beside its debt, formatted. */
    public record View(String item, String title, String campaign, String pipelineSourced, String pipelineInfluenced,
                       String revenueWon, String hoursLost, String rework, String approvalWait) {
    }

    /**
     * @param campaignItems how many items have the link field in their template
     * @param note          why no item can be linked at all (no link field, no template with it), or null
     */
    public record Table(CampaignLinks.Result links, List<Row> rows, long campaignItems, String note) {
    }

    private final Engine engine;
    private final OutcomeReports reports;
    private final CaseDebt debt;

    CampaignOutcomes(Engine engine, OutcomeReports reports, CaseDebt debt) {
        this.engine = engine;
        this.reports = reports;
        this.debt = debt;
    }

    /** Every campaign item's outcomes beside its debt, under the current model. */
    public Table table(OutcomeImports.Stored stored, ModelVersion model) {
        CampaignLinks.Result links = links(stored, model.model(), ItemFilter.ALL, null);
        Set<String> roots = new LinkedHashSet<>();
        links.linked().forEach(l -> roots.add(l.item().item()));
        Map<String, CaseDebt.Debt> debts = debt.of(roots);
        List<Row> rows = new ArrayList<>();
        links.linked().forEach(l -> rows.add(new Row(l, debts.get(l.item().item()))));
        return new Table(links, rows, links.linked().size() + links.unlinked().size(), note(stored, model.model()));
    }

    /** One item's outcomes beside its debt, or empty when it is no campaign item or no outcome data is stored. */
    public Optional<Table> ofItem(WorkItem item, OperatingModel model) {
        OutcomeImports.Stored stored = reports.stored();
        if (stored.empty() || !CampaignLinks.linkable(model, item.workType(), stored.mapping().campaigns().linkField())) {
            return Optional.empty();
        }
        CampaignLinks.Result links = links(stored, model, null, item);
        List<Row> rows = new ArrayList<>();
        links.linked().forEach(l -> rows.add(new Row(l, debt.of(Set.of(item.id().value())).get(item.id().value()))));
        return Optional.of(new Table(links, rows, 1, null));
    }

    /**
     * For the funnel by work type: each campaign a campaign item links to, with that item's work type
     * (several types linking one campaign are joined, "event + webinar"); empty for any other split
     * or without a model, when every campaign is "(no linked work item)".
     */
    public Map<String, String> relabel(OutcomeImports.Stored stored, String by, Optional<ModelVersion> model) {
        if (!by.equals("work-type") || model.isEmpty() || stored.empty()) {
            return Map.of();
        }
        return CampaignLinks.workTypes(links(stored, model.get().model()));
    }

    /** Every campaign item joined to its campaign (no debt): for evidence at intake. */
    public CampaignLinks.Result links(OutcomeImports.Stored stored, OperatingModel model) {
        return links(stored, model, ItemFilter.ALL, null);
    }

    private CampaignLinks.Result links(OutcomeImports.Stored stored, OperatingModel model, ItemFilter filter, WorkItem one) {
        String field = stored.mapping().campaigns().linkField();
        List<CampaignLinks.CampaignItem> items = field == null ? List.of()
                : CampaignLinks.campaignItems(model, field, one != null ? List.of(one) : engine.items(filter));
        FunnelReport byCampaign = reports.funnel(stored, "campaign");
        return CampaignLinks.join(field, items, byCampaign, stored.read().data().touchpoints(),
                stored.mapping().campaigns().aliases());
    }

    private static String note(OutcomeImports.Stored stored, OperatingModel model) {
        String field = stored.mapping().campaigns().linkField();
        if (field == null) {
            return "The outcome mapping names no campaigns.link-field, so no work item can be linked to its campaign: "
                    + "import a mapping that names the template field holding the CRM or UTM campaign.";
        }
        boolean any = model.templates().stream().anyMatch(t -> t != null && t.field(field).isPresent());
        return any ? null : "No template of the model has the link field '" + field + "' (campaigns.link-field in the "
                + "outcome mapping): add it to the campaign template, or name another field.";
    }
}
