package dev.baton.insight.simulation;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.intake.IntakeEvent.RequestDeclined;
import dev.baton.engine.intake.IntakeEvent.RequestDeferred;
import dev.baton.engine.intake.IntakeEvent.RequestSubmitted;
import dev.baton.model.IntakeForm;
import dev.baton.model.Stage;
import dev.baton.model.WorkType;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A request that does not become an item: "no" and "later" as a real intake queue records them.
 * After an item of a work type that a form serves arrives, another request through that form
 * follows now and then: declined ({@value #DECLINED} of the time) or deferred
 * ({@value #DEFERRED}), so that of all requests about 13% are declined, 9% deferred and the rest
 * accepted (urgent items bypass intake). It is decided a few office hours after it is submitted,
 * by the person who would have taken the work (the first stage's owner or driver), with a
 * reason from its {@link Story}. A deferral names a date (the next quarter, some weeks) or none;
 * four in ten deferrals with a date are declined after all when it comes, the others are back
 * in the queue. Its words come from their own random numbers: it shifts no draw of the items.
 */
final class RequestRun {

    static final double DECLINED = 0.15;
    static final double DEFERRED = 0.10;

    private final Simulator sim;
    private final WorkType type;
    private final String requestId;
    private long version;
    private long clock = Long.MIN_VALUE;

    private RequestRun(Simulator sim, WorkType type, String requestId) {
        this.sim = sim;
        this.type = type;
        this.requestId = requestId;
    }

    /** Now and then a declined or deferred request through {@code form}, after an arrival. */
    static void maybe(Simulator sim, WorkType type, IntakeForm form, long arrival, SplittableRandom words) {
        double draw = words.nextDouble();
        if (draw >= DECLINED + DEFERRED || type.stages().isEmpty()) {
            return;
        }
        new RequestRun(sim, type, sim.nextRequestId()).run(form, arrival, draw < DECLINED, words);
    }

    private void run(IntakeForm form, long arrival, boolean decline, SplittableRandom words) {
        Crew crew = sim.crew();
        Stage first = type.stages().get(0);
        String submitter = crew.pick(form.submitters().isEmpty() ? ItemRun.party(first)
                : form.submitters().get(words.nextInt(form.submitters().size())));
        String decider = crew.pick(ItemRun.party(first));
        Storyteller teller = sim.storyteller();
        Story story = teller.tell(type, teller.latest(type.parent()), WorkingHours.day(arrival), submitter, words);
        SimulationTruth truth = sim.truth();
        truth.requests++;

        long submitted = tick(WorkingHours.plus(arrival, 0.5 + 6 * words.nextDouble()));
        emit(submitted, submitter, new RequestSubmitted(form.id(), story.title(),
                ItemRun.requestFields(form, story, false)));
        long decided = tick(WorkingHours.plus(submitted, 2 + 14 * words.nextDouble()));
        if (decline) {
            truth.requestsDeclined++;
            emit(decided, decider, new RequestDeclined(story.declined()));
            return;
        }
        truth.requestsDeferred++;
        String[] deferral = story.deferred(WorkingHours.day(decided));
        emit(decided, decider, new RequestDeferred(deferral[0], deferral[1]));
        if (deferral[0] != null && words.nextDouble() < 0.4) {
            long back = WorkingHours.next(WorkingHours.opening(LocalDate.parse(deferral[0])));
            emit(tick(WorkingHours.plus(back, 1 + 6 * words.nextDouble())), decider, new RequestDeclined(story.revisited()));
        }
    }

    private long tick(long at) {
        clock = Math.max(at, clock == Long.MIN_VALUE ? at : clock + 1);
        return clock;
    }

    private void emit(long at, String actor, BatonEvent event) {
        sim.emit(at, requestId, ++version, actor, type.id(), event);
    }
}
