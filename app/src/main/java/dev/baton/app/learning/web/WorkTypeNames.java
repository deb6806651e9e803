package dev.baton.app.learning.web;

import dev.baton.engine.rights.Names;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Work types by id in words, for the pages' lists. */
final class WorkTypeNames {

    private WorkTypeNames() {
    }

    static Map<String, String> of(OperatingModel model) {
        Map<String, String> names = new LinkedHashMap<>();
        for (WorkType w : model.workTypes()) {
            names.put(w.id(), Names.workType(w));
        }
        return names;
    }
}
