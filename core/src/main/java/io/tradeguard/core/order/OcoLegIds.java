package io.tradeguard.core.order;

import io.tradeguard.core.model.ClientOrderId;

import java.util.Optional;

/**
 * The client ids of a protection OCO's legs follow from the list's own id (the list id plus {@code .tp} for the
 * take-profit leg, {@code .sl} for the stop-loss leg), so the engine and the guards find a leg's list and its
 * sibling from the journaled orders alone, also after a restart. The generator never writes a dot, so a leg id
 * cannot collide with another order's id.
 */
public final class OcoLegIds {
    private static final String TAKE_PROFIT = ".tp";
    private static final String STOP_LOSS = ".sl";

    private OcoLegIds() {
    }

    public static ClientOrderId takeProfit(ClientOrderId list) {
        return ClientOrderId.of(list.value() + TAKE_PROFIT);
    }

    public static ClientOrderId stopLoss(ClientOrderId list) {
        return ClientOrderId.of(list.value() + STOP_LOSS);
    }

    /** The list a leg belongs to, or empty when the id is not a protection leg's. */
    public static Optional<ClientOrderId> listOf(ClientOrderId leg) {
        String v = leg.value();
        if (v.length() > 3 && (v.endsWith(TAKE_PROFIT) || v.endsWith(STOP_LOSS))) {
            return Optional.of(ClientOrderId.of(v.substring(0, v.length() - 3)));
        }
        return Optional.empty();
    }

    public static boolean isLeg(ClientOrderId id) {
        return listOf(id).isPresent();
    }

    /** The other leg of the same list. @throws IllegalArgumentException when the id is not a leg's */
    public static ClientOrderId sibling(ClientOrderId leg) {
        ClientOrderId list = listOf(leg).orElseThrow(() -> new IllegalArgumentException(leg + " is not an OCO leg"));
        return leg.value().endsWith(TAKE_PROFIT) ? stopLoss(list) : takeProfit(list);
    }
}
