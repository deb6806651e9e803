package dev.baton.assist.variants;

import dev.baton.assist.gate.GateCondition;
import java.util.List;

/**
 * What the message-variants assistant gave: one variant per segment, or none and why (no owner
 * of audience or messaging in the model, or no model configured: Baton writes no variants
 * offline rather than fake them).
 *
 * @param available   whether variants were written
 * @param reason      why not (null when available)
 * @param provider    who wrote them ({@code openai-compatible:MODEL}), or the provider that cannot ({@code offline})
 * @param foundations the audience and messaging ownership conditions, passing or failing
 * @param variants    one per segment, in the segments' order (empty when not available)
 */
public record MessageVariants(boolean available, String reason, String provider, List<GateCondition> foundations,
                              List<MessageVariant> variants) {

    public MessageVariants {
        foundations = List.copyOf(foundations);
        variants = List.copyOf(variants);
    }

    public static MessageVariants unavailable(String reason, String provider, List<GateCondition> foundations) {
        return new MessageVariants(false, reason, provider, foundations, List.of());
    }
}
