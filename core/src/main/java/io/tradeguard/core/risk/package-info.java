/**
 * Pre-trade risk: pure rules that pass, adjust or reject an entry with a reason, and position sizing.
 *
 * <p>Entry points for the engine:
 * <ul>
 *   <li>{@link io.tradeguard.core.risk.RiskEngine#check} for every order after the instrument filters. Feed it a
 *       {@link io.tradeguard.core.risk.ProposedOrder} (from the conformed request, the symbol's leverage, the stop-loss
 *       the position will get — explicit or the automatic default — and the origin) and a
 *       {@link io.tradeguard.core.risk.RiskContext}: equity, the kill switch's start-of-day equity, daily P&amp;L and
 *       losing streak, the free balance of what the order spends, the taker fee rate, the last price, the book (for
 *       market orders) and a {@link io.tradeguard.core.risk.Portfolio} snapshot rebuilt when positions change. An
 *       ADJUSTED verdict's quantity must pass the instrument filters again (minimum notional).</li>
 *   <li>{@link io.tradeguard.core.risk.PositionSizer} for signals and risk-based sizing;
 *       {@link io.tradeguard.core.risk.AverageTrueRange} from recent klines.</li>
 *   <li>{@link io.tradeguard.core.risk.RiskConfig}: every limit with its snake_case key, validation, and
 *       {@link io.tradeguard.core.risk.RiskConfig#disabledLimits()}.</li>
 * </ul>
 */
package io.tradeguard.core.risk;
