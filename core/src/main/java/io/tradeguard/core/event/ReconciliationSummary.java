package io.tradeguard.core.event;

import java.util.List;

/**
 * What one reconciliation run found and fixed.
 *
 * @param unresolved orders whose fate is still open (queried but unknown, or within the grace period)
 * @param notes      one line per correction or discrepancy, for people
 */
public record ReconciliationSummary(int adoptedOurs, int adoptedExternal, int ordersUpdated, int fillsApplied,
                                    int ordersNotPlaced, int balancesCorrected, int discrepancies, int unresolved,
                                    List<String> notes) {
    public ReconciliationSummary {
        notes = List.copyOf(notes);
    }

    public int corrections() {
        return adoptedOurs + adoptedExternal + ordersUpdated + fillsApplied + ordersNotPlaced + balancesCorrected;
    }
}
