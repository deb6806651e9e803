package dev.baton.model.validation;

import dev.baton.model.OperatingModel;
import dev.baton.model.problem.Problems;

/** One family of rules over a model that has been read; reports every finding, throws nothing. */
interface ModelCheck {
    void check(OperatingModel model, Problems problems);

    /** Paths match the reader's: {@code work-types[0].stages[2].owner}. */
    static String at(String list, int index) {
        return list + "[" + index + "]";
    }
}
