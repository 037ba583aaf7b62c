package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.ledger.FeeConverter;
import io.tradeguard.core.ledger.LedgerFill;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.ledger.PositionMath;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.venue.Fill;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
        Optional<Asset[]> assets = valuation.assetsOf(order.symbol());
        if (assets.isEmpty()) {
            out.emit(new DomainEvent.OrderAnomaly(order.clientOrderId(), "fill " + fill.tradeId()
                    + " not posted to a position: the assets of " + order.symbol() + " are unknown", now));
            return;
        }
        Asset base = assets.get()[0];
        Asset quote = assets.get()[1];
        state.mark(order.symbol(), fill.price());
        Optional<BigDecimal> fee = FeeConverter.toQuote(fill, base, quote, valuation::priceInQuote);
        if (fee.isEmpty()) {
            out.emit(new DomainEvent.CommissionUnpriced(order.clientOrderId(), fill.tradeId(), fill.commissionAsset(),
                    fill.commission(), now));
        }
        String exitReason = order.reason().isEmpty() ? order.origin().name() : order.origin() + ": " + order.reason();
        if (fill.quantity().add(LedgerFill.walletAdjustment(order.market(), base, order.side(), fill)).signum() <= 0) {
            out.emit(new DomainEvent.OrderAnomaly(order.clientOrderId(), "fill " + fill.tradeId() + " not posted to a position: its "
                    + base + " commission " + fill.commission().toPlainString() + " is not less than its quantity "
                    + fill.quantity().toPlainString(), now));
            return;
        }
        LedgerFill ledgerFill = LedgerFill.of(order.market(), order.symbol(), base, quote, order.side(), fill,
                fee.orElse(BigDecimal.ZERO), exitReason);
        Position before = state.position(order.market(), order.symbol());
        PositionMath.Outcome outcome = PositionMath.apply(before, ledgerFill, 1);
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

    /** The figures of today (UTC), starting a new day with the current equity when the date changed. */
    DailyStats ensureDay(Emitter out, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        DailyStats daily = state.daily();
        if (daily != null && daily.day().equals(today)) {
            return daily;
        }
        DailyStats next = daily == null ? DailyStats.start(today, valuation.equity(), 0)
                : daily.nextDay(today, valuation.equity());
        out.emit(new DomainEvent.DailyStatsUpdated(next, now));
        return next;
    }
}
