package io.tradeguard.core.state;

import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A consistent, immutable copy of the engine's trading state at one moment: what pre-trade gates decide
 * on and what the API shows.
 *
 * @param orders    every order not yet settled on the venue
 * @param prices    latest trade or mark price per symbol (not journaled)
 * @param equity    balances valued in the quote asset plus futures unrealized P&L; null when some asset
 *                  with a balance has no known price
 */
public record TradingSnapshot(List<Order> orders, List<Position> positions, List<AssetBalance> balances,
                              Map<Symbol, BigDecimal> prices, Map<Symbol, Instrument> instruments,
                              DailyStats daily, Asset quoteAsset, BigDecimal equity, boolean halted,
                              String haltReason, long lastSequence, Instant now) {
    public TradingSnapshot {
        orders = List.copyOf(orders);
        positions = List.copyOf(positions);
        balances = List.copyOf(balances);
        prices = Map.copyOf(prices);
        instruments = Map.copyOf(instruments);
        Objects.requireNonNull(daily, "daily");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(now, "now");
    }

    public Optional<Position> position(Market market, Symbol symbol) {
        return positions.stream().filter(p -> p.market() == market && p.symbol().equals(symbol)).findFirst();
    }

    public Optional<Order> order(ClientOrderId id) {
        return orders.stream().filter(o -> o.clientOrderId().equals(id)).findFirst();
    }

    public Optional<BigDecimal> price(Symbol symbol) {
        return Optional.ofNullable(prices.get(symbol));
    }

    public Optional<AssetBalance> balance(Market market, Asset asset) {
        return balances.stream().filter(b -> b.market() == market && b.asset().equals(asset)).findFirst();
    }

    public Optional<Instrument> instrument(Symbol symbol) {
        return Optional.ofNullable(instruments.get(symbol));
    }
}
