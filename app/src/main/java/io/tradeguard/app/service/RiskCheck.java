package io.tradeguard.app.service;

import io.tradeguard.core.guard.TradingGuards;
import io.tradeguard.core.instrument.Conformance;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.risk.BookLevel;
import io.tradeguard.core.risk.OrderBookView;
import io.tradeguard.core.risk.RiskVerdict;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.OrderBook;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Previews and validations over the engine's own rails ({@link TradingGuards}): the instrument filters round
 * the order, then the guards' risk rules judge it exactly as their gate will. Sends nothing.
 */
final class RiskCheck {
    /** Binance's standard spot taker rate; the venue's own rate is not read yet. */
    static final BigDecimal TAKER_FEE_RATE = new BigDecimal("0.001");

    /** What one judgement said: refused before the rules ran (with why), or the rules' verdict. */
    sealed interface Judgement {
        record NotJudged(String reason) implements Judgement {
        }

        record Judged(RiskVerdict verdict, OrderIntent conformed) implements Judgement {
        }
    }

    private final TradingGuards guards;

    RiskCheck(TradingGuards guards) {
        this.guards = guards;
    }

    /** A remainder the venue cannot trade (below its minimum quantity or value): wallet dust, not a position. */
    boolean isDust(io.tradeguard.core.ledger.Position position) {
        return guards.isUnsellableDust(position);
    }

    TradingGuards guards() {
        return guards;
    }

    /** The latest book of a symbol on a market, for the slippage rule of that market's market orders. */
    void remember(io.tradeguard.core.model.Market market, OrderBook book) {
        guards.onBook(market, book.symbol(), new OrderBookView(levels(book.bids()), levels(book.asks())));
    }

    BigDecimal price(TradingSnapshot state, Symbol symbol) {
        return state.price(symbol).orElse(null);
    }

    /**
     * Why the venue could never take this order as asked (a symbol it does not list, an amount its filters cannot
     * round to a valid one), or empty: bad input, refused before the engine, which would only journal a denial.
     */
    Optional<String> unfit(OrderIntent intent, TradingSnapshot state) {
        // the order's own market's filters: BTCUSDT spot and BTCUSDT futures are different instruments
        Instrument instrument = state.instrument(intent.market(), intent.symbol()).orElse(null);
        if (instrument == null) {
            return Optional.of(intent.symbol() + " is not traded on " + intent.market().wireName() + " here");
        }
        return Rounding.conform(instrument, intent, state) instanceof Conformance.Refused refused
                ? Optional.of(refused.reason()) : Optional.empty();
    }

    Judgement judge(OrderIntent intent, TradingSnapshot state) {
        Instrument instrument = state.instrument(intent.market(), intent.symbol()).orElse(null);
        if (instrument == null) {
            return new Judgement.NotJudged(intent.symbol() + " is not traded on this venue");
        }
        Conformance conformance = Rounding.conform(instrument, intent, state);
        if (conformance instanceof Conformance.Refused refused) {
            return new Judgement.NotJudged(refused.reason());
        }
        OrderIntent conformed = Rounding.apply(intent, ((Conformance.Conformed) conformance).order());
        try {
            return new Judgement.Judged(guards.preview(conformed, state), conformed);
        } catch (IllegalArgumentException cannotJudge) {
            return new Judgement.NotJudged(cannotJudge.getMessage());
        }
    }

    /** Whether the order only reduces a position (or sells spot holdings), which a stopped switch still allows. */
    static boolean reduces(OrderIntent intent, TradingSnapshot state) {
        if (intent.reduceOnly() || intent.closePosition()) {
            return true;
        }
        return state.position(intent.market(), intent.symbol())
                .map(p -> p.side().direction() > 0 ? intent.side() == Side.SELL : intent.side() == Side.BUY)
                .orElse(intent.market() == Market.SPOT && intent.side() == Side.SELL);
    }

    private static List<BookLevel> levels(List<OrderBook.Level> levels) {
        return levels.stream().map(l -> new BookLevel(l.price(), l.quantity())).toList();
    }
}
