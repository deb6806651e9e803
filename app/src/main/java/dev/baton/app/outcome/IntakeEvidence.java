package dev.baton.app.outcome;

import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.link.CampaignLinks;
import dev.baton.measure.link.ComparableWork;
import dev.baton.model.OperatingModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Evidence for the impact input of RICE or WSJF at intake (docs/outcomes.md#intake-evidence): for a
 * request's work type and channel, what comparable past work produced ({@link ComparableWork}).
 */
@Service
public class IntakeEvidence {

    /** Said when no outcome data is stored: there is nothing to compare with. */
    public static final String NO_DATA = "no outcome data yet";

    /** Said when the stored outcome data cannot be read (the Outcomes page says why). */
    public static final String UNREADABLE = "the stored outcome data cannot be read: the Outcomes page says why";

    /** The evidence of one page: the links and campaign channels worked out once for every request on it. */
    public interface Lookup {
        String sentence(String workType, Map<String, Object> fields);
    }

    private final OutcomeReports reports;
    private final CampaignOutcomes campaigns;

    IntakeEvidence(OutcomeReports reports, CampaignOutcomes campaigns) {
        this.reports = reports;
        this.campaigns = campaigns;
    }

    public Lookup lookup(OperatingModel model) {
        OutcomeImports.Stored stored = reports.stored();
        if (stored.unreadable() != null) {
            return (workType, fields) -> UNREADABLE;
        }
        if (stored.empty()) {
            return (workType, fields) -> NO_DATA;
        }
        CampaignLinks.Result links = campaigns.links(stored, model);
        TouchIndex index = reports.touches(stored);
        return (workType, fields) -> ComparableWork.of(links, workType, channels(fields), index::channelOf).sentence();
    }

    /** The channels a request names: the values of its fields whose id says channel ({@code channel}, {@code channel-mix}). */
    static List<String> channels(Map<String, Object> fields) {
        List<String> channels = new ArrayList<>();
        fields.forEach((id, value) -> {
            if (id.toLowerCase(Locale.ROOT).contains("channel") && value != null) {
                if (value instanceof Collection<?> list) {
                    list.forEach(v -> channels.add(String.valueOf(v)));
                } else {
                    for (String line : String.valueOf(value).split("[\\n,]")) {
                        channels.add(line);
                    }
                }
            }
        });
        return channels.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
    }
}
