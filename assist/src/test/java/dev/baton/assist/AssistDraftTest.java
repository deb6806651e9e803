package dev.baton.assist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.assist.draft.BriefDraft;
import dev.baton.assist.draft.DraftField;
import dev.baton.assist.embed.MiniLm;
import dev.baton.assist.history.PastWork;
import dev.baton.assist.provider.OfflineProvider;
import dev.baton.assist.routing.RoutingSuggestion;
import dev.baton.assist.similar.Match;
import dev.baton.assist.similar.SimilarWork;
import dev.baton.model.WorkType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline assistants end to end on a simulated quarter: MiniLM embeddings, no network. */
class AssistDraftTest {

    static final String REQUEST = "Paid social campaign for fintech data leaders in the UK starting 1 March 2026 "
            + "with a budget of $15k, to grow pipeline with the data quality story";

    @Test
    void aBriefDraftTakesTheRequestsValuesAndTheRestFromTheMostSimilarPastCampaign() throws Exception {
        WorkType campaign = Simulated.MODEL.workType("campaign").orElseThrow();
        BriefDraft draft = Assist.draftBrief(Simulated.MODEL, campaign, REQUEST, Simulated.WORK.comparable(),
                MiniLm.instance(), new OfflineProvider(), LocalDate.of(2026, 2, 10), "nora.haddad");

        assertThat(draft.fields().get("start-date")).isEqualTo(new DraftField("2026-03-01", "request"));
        assertThat(draft.fields().get("budget")).isEqualTo(new DraftField(15000.0, "request"));
        assertThat(draft.fields().get("segment").value()).isEqualTo("fintech data leaders in the UK");
        assertThat(draft.fields().get("primary-metric")).isEqualTo(new DraftField("pipeline", "request"));
        // The RICE estimates the request does not give come from one past campaign, named in each field and the basis.
        String source = draft.fields().get("reach").source();
        assertThat(source).startsWith("similar:item-");
        String item = source.substring("similar:".length());
        assertThat(Simulated.WORK.item(item).orElseThrow().workType()).isEqualTo("campaign");
        assertThat(draft.basis()).anySatisfy(b -> assertThat(b.source()).isEqualTo(source));
        assertThat(draft.fields().values()).noneMatch(f -> f.source().startsWith("similar:")
                && (f.value().toString().startsWith("http") || f.value().toString().matches("\\d{4}-\\d{2}-\\d{2}")));
        assertThat(draft.missing()).isEmpty();
    }

    @Test
    void similarRequestsAndARoutingSuggestionAtIntake() {
        List<PastWork> past = Simulated.WORK.comparable();
        SimilarWork index = SimilarWork.index(past, MiniLm.instance());
        PastWork known = Simulated.WORK.item("item-1").orElseThrow();

        List<Match> matches = Assist.similar(index, known.text(), 5);
        assertThat(matches.get(0).work().id()).isEqualTo("item-1");
        assertThat(matches.get(0).similarity()).isGreaterThan(0.99);
        assertThat(matches).hasSize(5);

        RoutingSuggestion routing = Assist.route(Simulated.MODEL, index, REQUEST, past);
        assertThat(routing.workType()).isEqualTo("campaign");
        assertThat(routing.owner()).isIn("nora.haddad", "jon.ito");
        assertThat(routing.reasons()).hasSize(2);
    }
}
