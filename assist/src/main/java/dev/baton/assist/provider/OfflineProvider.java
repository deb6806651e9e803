package dev.baton.assist.provider;

import dev.baton.assist.draft.BriefDraft;
import dev.baton.assist.draft.DraftRequest;
import dev.baton.assist.draft.OfflineDrafter;

/** Baton's own reading of a request: deterministic, free, and nothing leaves the machine. */
public final class OfflineProvider implements Provider {

    public static final String ID = "offline";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BriefDraft draft(DraftRequest request, String who) {
        return OfflineDrafter.draft(request);
    }
}
