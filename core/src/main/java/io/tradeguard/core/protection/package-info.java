/**
 * Protective orders: stop-loss and take-profit plans from entry fills
 * ({@link io.tradeguard.core.protection.ProtectionPlanner}: spot OCO, futures reduce-only bracket, resize on further
 * fills, refusal of a futures stop beyond the liquidation price), and local triggers evaluated on every price tick
 * ({@link io.tradeguard.core.protection.TriggerBook} with {@link io.tradeguard.core.protection.PriceTrigger} and
 * {@link io.tradeguard.core.protection.TrailingStop}, trailingDelta semantics); the book's snapshot is the list of
 * trigger records to journal.
 */
package io.tradeguard.core.protection;
