package io.tradeguard.app.service;

import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.ClosedTrade;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.protection.LocalTrigger;
import io.tradeguard.core.protection.PriceTrigger;
import io.tradeguard.core.protection.TrailingStop;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.FuturesPosition;
import io.tradeguard.server.api.BalanceView;
import io.tradeguard.server.api.FillView;
import io.tradeguard.server.api.OrderOrigin;
import io.tradeguard.server.api.OrderView;
import io.tradeguard.server.api.PositionSide;
import io.tradeguard.server.api.PositionView;
import io.tradeguard.server.api.TradeView;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/** The engine's values as the API shows them (DESIGN.md §7). The order id is the client order id. */
final class Views {
    private Views() {
    }

    static OrderView order(Order o) {
        return new OrderView(o.clientOrderId().value(), o.clientOrderId(), o.symbol(), o.market(), o.side(), o.type(),
                o.status(), o.quantity(), o.filledQuantity(), o.price(), o.averageFillPrice().orElse(null),
                o.fills().stream().map(Views::fill).toList(), origin(o.origin()), o.createdAt(), o.updatedAt());
    }

    static FillView fill(Fill f) {
        return new FillView(f.price(), f.quantity(), f.commission(), f.commissionAsset(), f.tradeId());
    }

    static OrderOrigin origin(io.tradeguard.core.order.OrderOrigin origin) {
        return switch (origin) {
            case MANUAL -> OrderOrigin.MANUAL;
            case SIGNAL -> OrderOrigin.SIGNAL;
            case PROTECTION -> OrderOrigin.PROTECTION;
            case EXTERNAL -> OrderOrigin.EXTERNAL;
        };
    }

    static PositionView position(Position p, BigDecimal mark) {
        return position(p, mark, (FuturesPosition) null);
    }

    /**
     * @param venue the venue's view of a futures position (positionRisk, fetched after every fill, funding and
     *              reconciliation): its liquidation price and margin type; null on spot or before the first fetch
     */
    static PositionView position(Position p, BigDecimal mark, FuturesPosition venue) {
        boolean sameSize = venue != null && venue.amount().compareTo(p.quantity()) == 0;
        return new PositionView(p.positionId(), p.symbol(), p.market(), side(p.side()), p.size(), p.entryPrice(), mark,
                mark == null ? null : p.unrealizedPnl(mark), p.realizedPnl(), p.leverage(),
                sameSize ? venue.liquidationPrice() : null, null, null, p.openedAt(), null,
                venue == null ? null : venue.marginType().name(), p.funding());
    }

    /**
     * The position with the exits the guards watch for it: their stop-loss, take-profit and the trailing stop's
     * current level. A trigger watches a position when it closes that side of the same market and symbol (the
     * automatic bracket also names the position as its group). With several, the one that fires first is shown.
     */
    static PositionView position(Position p, BigDecimal mark, List<LocalTrigger> triggers) {
        return position(p, mark, null, triggers, List.of());
    }

    /**
     * The position with the venue's futures figures and every exit that watches it: the guards' local triggers
     * and a native OCO on the exchange (its stop-loss and take-profit legs).
     */
    static PositionView position(Position p, BigDecimal mark, FuturesPosition venue, List<LocalTrigger> triggers,
                                 List<io.tradeguard.core.guard.NativeBracket> brackets) {
        Side exit = p.side() == io.tradeguard.core.ledger.PositionSide.LONG ? Side.SELL : Side.BUY;
        // a long's exits below the price fire at the highest level first, above it at the lowest; a short mirrors
        Comparator<BigDecimal> firstBelow = exit == Side.SELL ? Comparator.naturalOrder() : Comparator.reverseOrder();
        BigDecimal stopLoss = null;
        BigDecimal takeProfit = null;
        BigDecimal trailing = null;
        for (LocalTrigger t : triggers) {
            if (t.market() != p.market() || !t.symbol().equals(p.symbol()) || t.exitSide() != exit) {
                continue;
            }
            switch (t) {
                case PriceTrigger pt when pt.kind() == PriceTrigger.Kind.STOP_LOSS ->
                        stopLoss = first(stopLoss, pt.triggerPrice(), firstBelow);
                case PriceTrigger pt -> takeProfit = first(takeProfit, pt.triggerPrice(), firstBelow.reversed());
                case TrailingStop ts -> trailing = first(trailing, ts.stopLevel(), firstBelow);
            }
        }
        for (io.tradeguard.core.guard.NativeBracket bracket : brackets) {
            if (bracket.market() != p.market() || !bracket.symbol().equals(p.symbol())) {
                continue;
            }
            stopLoss = first(stopLoss, bracket.stopLoss(), firstBelow);
            takeProfit = first(takeProfit, bracket.takeProfit(), firstBelow.reversed());
        }
        return position(p, mark, venue).withExits(stopLoss, takeProfit, trailing);
    }

    private static BigDecimal first(BigDecimal current, BigDecimal candidate, Comparator<BigDecimal> order) {
        if (candidate == null) {
            return current;
        }
        return current == null || order.compare(candidate, current) > 0 ? candidate : current;
    }

    static PositionSide side(io.tradeguard.core.ledger.PositionSide side) {
        return switch (side) {
            case LONG -> PositionSide.LONG;
            case SHORT -> PositionSide.SHORT;
        };
    }

    static TradeView trade(ClosedTrade t) {
        return new TradeView(t.tradeId(), t.positionId(), t.symbol(), t.market(), side(t.side()), t.quantity(),
                t.entryPrice(), t.exitPrice(), t.fees(), t.funding(), t.realizedPnl(), t.pnlRatio(), t.exitReason(),
                t.openedAt(), t.closedAt());
    }

    static BalanceView balance(AssetBalance b) {
        return new BalanceView(b.market(), b.asset(), b.free(), b.locked());
    }

    static List<BalanceView> balances(List<AssetBalance> balances) {
        return balances.stream().filter(b -> b.free().signum() != 0 || b.locked().signum() != 0).map(Views::balance).toList();
    }
}
