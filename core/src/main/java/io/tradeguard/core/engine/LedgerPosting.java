package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.ledger.FeeConverter;
import io.tradeguard.core.ledger.LedgerFill;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.ledger.PositionMath;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.venue.Fill;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Posts a new fill to the position ledger and the day's figures, emitting the events. */
final class LedgerPosting {
    private final TradingState state;
    private final Valuation valuation;

    LedgerPosting(TradingState state, Valuation valuation) {
        this.state = state;
        this.valuation = valuation;
    }

    void post(Order order, Fill fill, Emitter out, Instant now) {
        Optional<Asset[]> assets = valuation.assetsOf(order.market(), order.symbol());
        if (assets.isEmpty()) {
            out.emit(new DomainEvent.OrderAnomaly(order.clientOrderId(), "fill " + fill.tradeId()
                    + " not posted to a position: the assets of " + order.symbol() + " are unknown", now));
            return;
        }
        Asset base = assets.get()[0];
        Asset quote = assets.get()[1];
        state.mark(order.market(), order.symbol(), fill.price());
        Optional<BigDecimal> fee = FeeConverter.toQuote(fill, base, quote, valuation::priceInQuote);
        if (fee.isEmpty()) {
            out.emit(new DomainEvent.CommissionUnpriced(order.clientOrderId(), fill.tradeId(), fill.commissionAsset(),
                    fill.commission(), now));
        }
        String exitReason = isLiquidation(order) ? LIQUIDATION
                : order.reason().isEmpty() ? order.origin().name() : order.origin() + ": " + order.reason();
        // LedgerFill.of's quantity, computed once; usually no adjustment, then the fill's own quantity (same value and scale)
        BigDecimal adjustment = LedgerFill.walletAdjustment(order.market(), base, order.side(), fill);
        BigDecimal quantity = adjustment.signum() == 0 && adjustment.scale() <= fill.quantity().scale() ? fill.quantity()
                : fill.quantity().add(adjustment);
        if (quantity.signum() <= 0) {
            out.emit(new DomainEvent.OrderAnomaly(order.clientOrderId(), "fill " + fill.tradeId() + " not posted to a position: its "
                    + base + " commission " + fill.commission().toPlainString() + " is not less than its quantity "
                    + fill.quantity().toPlainString(), now));
            return;
        }
        LedgerFill ledgerFill = new LedgerFill(order.market(), order.symbol(), base, quote, order.side(), quantity,
                fill.price(), fee.orElse(BigDecimal.ZERO), fill.tradeId(), fill.time(), exitReason);
        Position before = state.position(order.market(), order.symbol());
        PositionMath.Outcome outcome = PositionMath.apply(before, ledgerFill, leverage(order, before));
        if (outcome.closed() != null) {
            out.emit(new DomainEvent.PositionClosed(order.market(), order.symbol(), before, outcome.closed(),
                    outcome.realized(), now));
            if (outcome.after() != null) {
                out.emit(new DomainEvent.PositionOpened(outcome.after(), now));
            }
        } else if (before == null) {
            out.emit(new DomainEvent.PositionOpened(outcome.after(), now));
        } else {
            out.emit(new DomainEvent.PositionUpdated(outcome.after(), outcome.realized(), now));
        }
        if (outcome.realized().signum() != 0 || outcome.closed() != null) {
            DailyStats stats = ensureDay(out, now).realized(outcome.realized());
            if (outcome.closed() != null) {
                stats = stats.closed(outcome.closed());
            }
            out.emit(new DomainEvent.DailyStatsUpdated(stats, now));
        }
    }

    /**
     * A futures funding payment: realized P&L of the position it was paid on (the only open futures position when
     * the venue does not name one) and of the day.
     */
    void funding(Symbol symbol, Asset asset, BigDecimal amount, Instant venueTime, Emitter out, Instant now) {
        Position position = symbol != null ? state.position(Market.FUTURES, symbol) : null;
        if (symbol == null) {
            List<Position> open = state.positions().stream().filter(p -> p.market() == Market.FUTURES).toList();
            position = open.size() == 1 ? open.getFirst() : null;
        }
        Position after = position == null ? null : position.withFunding(amount, now);
        out.emit(new DomainEvent.FundingPaid(after != null ? after.symbol() : symbol, asset, amount, after, venueTime, now));
        out.emit(new DomainEvent.DailyStatsUpdated(ensureDay(out, now).realized(amount), now));
    }

    private static final long SECONDS_PER_DAY = 86_400;

    /** Exit reason of a position the venue liquidated. */
    static final String LIQUIDATION = "LIQUIDATION";

    /** The venue's own liquidation order: Binance names it autoclose-… (binance-api.md 6.7). */
    static boolean isLiquidation(Order order) {
        return order.market() == Market.FUTURES && order.clientOrderId().value().startsWith("autoclose-");
    }

    /** The position's leverage: the order's (resolved by the order path) on a futures entry, 1 on spot. */
    private static int leverage(Order order, Position before) {
        if (order.market() != Market.FUTURES) {
            return 1;
        }
        Integer wanted = order.instructions().leverage();
        return wanted != null ? wanted : before != null ? before.leverage() : 1;
    }

    /** The figures of today (UTC), starting a new day with the current equity when the date changed. */
    DailyStats ensureDay(Emitter out, Instant now) {
        DailyStats daily = state.daily();
        // the UTC day by epoch-day arithmetic: LocalDate.ofInstant asks the zone rules on every fill
        if (daily != null && daily.day().toEpochDay() == Math.floorDiv(now.getEpochSecond(), SECONDS_PER_DAY)) {
            return daily;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        DailyStats next = daily == null ? DailyStats.start(today, valuation.equity(), 0)
                : daily.nextDay(today, valuation.equity());
        out.emit(new DomainEvent.DailyStatsUpdated(next, now));
        return next;
    }
}
