package dev.baton.assist.provider;

import dev.baton.assist.variants.MessageVariant;
import dev.baton.assist.variants.VariantRequest;
import java.util.List;

/**
 * A provider that can write a brief's message per audience segment: only a configured model.
 * Baton's offline rules cannot, and do not pretend to (docs/assist.md, "Message variants").
 */
public interface VariantWriter {

    /**
     * One variant per segment, in the segments' order, or an error and none at all.
     *
     * @throws ProviderException on timeout, rate limit, a malformed answer, a used-up budget or an unreachable server
     */
    List<MessageVariant> variants(VariantRequest request, String who) throws ProviderException;
}
