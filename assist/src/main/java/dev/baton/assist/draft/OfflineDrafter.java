package dev.baton.assist.draft;

import java.util.Map;

/** The brief draft with nothing to configure: Baton's own reading of the request ({@link StatedValues}). */
public final class OfflineDrafter {

    private OfflineDrafter() {
    }

    public static BriefDraft draft(DraftRequest request) {
        if (request.template() == null) {
            return BriefAssembly.assemble(request, Map.of(), DraftField.REQUEST, "");
        }
        Map<String, Object> stated = StatedValues.read(request.model(), request.template(), request.text(), request.today(),
                request.channels());
        return BriefAssembly.assemble(request, stated, DraftField.REQUEST, "values the request states (dates, numbers, "
                + "audience, channels, metrics, people), read by Baton's rules");
    }
}
