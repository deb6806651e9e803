package dev.baton.assist.provider;

import dev.baton.assist.draft.BriefDraft;
import dev.baton.assist.draft.DraftRequest;

/**
 * Who reads a request into a brief draft: Baton's own rules ({@link OfflineProvider}, the default,
 * with nothing to configure and nothing sent anywhere) or a configured OpenAI-compatible model
 * ({@link OpenAiCompatibleProvider}). Either way the draft is assembled by the same rules (the
 * rest from similar past briefs, missing fields listed), and it is a draft, never a change.
 */
public interface Provider {

    /** How drafts name it: {@code offline}, or {@code openai-compatible:MODEL}. */
    String id();

    /**
     * A draft, or an error and nothing at all: no half-read draft is ever returned.
     *
     * @param who who asked (for the usage log), e.g. a person id
     * @throws ProviderException on timeout, rate limit, a malformed answer, a used-up budget or an unreachable server
     */
    BriefDraft draft(DraftRequest request, String who) throws ProviderException;
}
