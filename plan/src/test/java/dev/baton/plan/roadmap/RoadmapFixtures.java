package dev.baton.plan.roadmap;

import dev.baton.model.BusinessFunction;
import dev.baton.model.Capacity;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import java.util.List;

/** A small model: content (two full-timers), design (one half-timer). */
final class RoadmapFixtures {

    private RoadmapFixtures() {
    }

    static OperatingModel model() {
        return new OperatingModel("baton/v1", "t", "1",
                List.of(new BusinessFunction("content", "Content"), new BusinessFunction("design", "Design")),
                List.of(), List.of(
                new Person("a", "A", "content", null),
                new Person("b", "B", "content", Capacity.parse("40h/week").orElseThrow()),
                new Person("c", "C", "design", Capacity.parse("20h/week").orElseThrow())),
                List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }

    static Roadmap read(String yaml) throws RoadmapRefused {
        return InitiativesFile.read(yaml, model(), null);
    }
}
