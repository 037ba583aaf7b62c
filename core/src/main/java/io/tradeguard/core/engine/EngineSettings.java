package io.tradeguard.core.engine;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's own configuration (risk and safety limits live with their gates).
 *
 * @param clientIdPrefix          prefix of every client order id the engine sends ("TG")
 * @param quoteAsset              the asset equity and P&L are counted in
 * @param cancelOpenOrdersOnStop  cancel every open order when stopping (the spec's default)
 * @param reconcileInterval       periodic reconciliation; one also runs after every reconnect
 * @param unknownGrace            how long an order the venue does not have may still be in flight; must
 *                                exceed the venue's recvWindow so that "not found" after it is final
 * @param queryInterval           how often an order in UNKNOWN state is queried
 * @param tradesLookback          how far back reconciliation fetches account trades at most
 * @param startTimeout            how long the initial sync may take
 * @param stopTimeout             how long stopping waits for cancels to be confirmed
 * @param tickInterval            timer period (day roll, queries, reconciliation); null: no timer, call
 *                                {@link Engine#tick()} (tests)
 */
public record EngineSettings(String clientIdPrefix, Market market, Asset quoteAsset, boolean cancelOpenOrdersOnStop,
                             Duration reconcileInterval, Duration unknownGrace, Duration queryInterval,
                             Duration tradesLookback, Duration startTimeout, Duration stopTimeout,
                             Duration tickInterval) {
    public EngineSettings {
        if (clientIdPrefix == null || !clientIdPrefix.matches("[A-Za-z0-9]{1,8}")) {
            throw new IllegalArgumentException("clientIdPrefix must be 1-8 letters or digits, was '" + clientIdPrefix + "'");
        }
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        requirePositive(reconcileInterval, "reconcileInterval");
        requirePositive(unknownGrace, "unknownGrace");
        requirePositive(queryInterval, "queryInterval");
        requirePositive(tradesLookback, "tradesLookback");
        requirePositive(startTimeout, "startTimeout");
        requirePositive(stopTimeout, "stopTimeout");
        if (tickInterval != null) {
            requirePositive(tickInterval, "tickInterval");
        }
    }

    /** Defaults of DESIGN.md section 4 for one market. */
    public static EngineSettings defaults(Market market) {
        return new EngineSettings("TG", market, Asset.USDT, true, Duration.ofSeconds(300), Duration.ofSeconds(60),
                Duration.ofSeconds(5), Duration.ofDays(7), Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(1));
    }

    public EngineSettings withCancelOpenOrdersOnStop(boolean cancel) {
        return new EngineSettings(clientIdPrefix, market, quoteAsset, cancel, reconcileInterval, unknownGrace,
                queryInterval, tradesLookback, startTimeout, stopTimeout, tickInterval);
    }

    public EngineSettings withReconcileInterval(Duration interval) {
        return new EngineSettings(clientIdPrefix, market, quoteAsset, cancelOpenOrdersOnStop, interval, unknownGrace,
                queryInterval, tradesLookback, startTimeout, stopTimeout, tickInterval);
    }

    public EngineSettings withTickInterval(Duration interval) {
        return new EngineSettings(clientIdPrefix, market, quoteAsset, cancelOpenOrdersOnStop, reconcileInterval,
                unknownGrace, queryInterval, tradesLookback, startTimeout, stopTimeout, interval);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }
}
