package io.tradeguard.core.guard;

import io.tradeguard.core.instrument.OrderFilters;
import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.ledger.PositionSide;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.pretrade.GateDecision;
import io.tradeguard.core.risk.FuturesMargin;
import io.tradeguard.core.risk.MarginPosition;
import io.tradeguard.core.risk.OpenPosition;
import io.tradeguard.core.risk.OrderBookView;
import io.tradeguard.core.risk.Origin;
import io.tradeguard.core.risk.Portfolio;
import io.tradeguard.core.risk.ProposedOrder;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.risk.RiskContext;
import io.tradeguard.core.risk.RiskEngine;
import io.tradeguard.core.risk.RiskVerdict;
import io.tradeguard.core.risk.RuleResult;
import io.tradeguard.core.safety.KillSwitchState;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.FuturesPosition;
import io.tradeguard.core.venue.OrderRequest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Builds the risk rules' inputs from the engine's snapshot and the kill switch's counters, runs
 * {@link RiskEngine#check}, and turns the verdict into a gate decision. Pure: everything comes in as arguments.
 */
final class RiskCheck {
    /** Exit labels the guards and the engine put on protective exits; these never wait for the breaker. */
    static final Set<String> URGENT_EXITS = Set.of("stop loss", "take profit", "trailing stop", "emergency stop");

    /** Binance's standard spot taker commission (0.1 %); used where the venue has not said the account's own. */
    static final BigDecimal TAKER_FEE = new BigDecimal("0.001");
    /** Binance's standard USD-M futures taker commission (0.05 %, binance-api.md issue defaults). */
    static final BigDecimal FUTURES_TAKER_FEE = new BigDecimal("0.0005");

    static BigDecimal standardTakerFee(Market market) {
        return market == Market.FUTURES ? FUTURES_TAKER_FEE : TAKER_FEE;
    }

    private RiskCheck() {
    }

    /** What the order is, as the risk rules see it: null with a reason in {@code problem} when it cannot be judged. */
    record Subject(ProposedOrder order, RiskContext context, String problem) {
    }

    static Subject subject(OrderIntent intent, TradingSnapshot state, RiskConfig config, KillSwitchState counters,
                           Map<String, BigDecimal> stops, BiFunction<Market, io.tradeguard.core.model.Symbol, OrderBookView> books) {
        return subject(intent, state, config, counters, stops, books, standardTakerFee(intent.market()));
    }

    /**
     * @param books    the fresh book of a symbol on a market (null when unknown): the order is judged on its own market's
     * @param takerFee the account's taker commission rate on the symbol of the order's market
     */
    static Subject subject(OrderIntent intent, TradingSnapshot state, RiskConfig config, KillSwitchState counters,
                           Map<String, BigDecimal> stops, BiFunction<Market, io.tradeguard.core.model.Symbol, OrderBookView> books,
                           BigDecimal takerFee) {
        return subject(intent, state, config, counters, stops, books, takerFee, List.of(), null);
    }

    /**
     * @param brackets          the futures contract's maintenance brackets (empty on spot or when not known)
     * @param previousPortfolio the portfolio of the previous check (null for none): reused where still correct
     */
    static Subject subject(OrderIntent intent, TradingSnapshot state, RiskConfig config, KillSwitchState counters,
                           Map<String, BigDecimal> stops, BiFunction<Market, io.tradeguard.core.model.Symbol, OrderBookView> books,
                           BigDecimal takerFee, List<io.tradeguard.core.venue.MaintenanceBracket> brackets,
                           Portfolio previousPortfolio) {
        return subject(intent, state, config, counters, stops, books, takerFee, brackets, previousPortfolio,
                FuturesMargin.NEW_ISOLATED);
    }

    /** @param futuresMargin the futures account as the liquidation estimate needs it (see {@link #futuresMargin}) */
    static Subject subject(OrderIntent intent, TradingSnapshot state, RiskConfig config, KillSwitchState counters,
                           Map<String, BigDecimal> stops, BiFunction<Market, io.tradeguard.core.model.Symbol, OrderBookView> books,
                           BigDecimal takerFee, List<io.tradeguard.core.venue.MaintenanceBracket> brackets,
                           Portfolio previousPortfolio, FuturesMargin futuresMargin) {
        Instrument instrument = state.instrument(intent.market(), intent.symbol()).orElse(null);
        if (instrument == null) {
            return new Subject(null, null, intent.symbol() + " is not traded on this venue");
        }
        BigDecimal last = state.price(intent.market(), intent.symbol()).orElse(intent.price());
        if (last == null || last.signum() <= 0) {
            return new Subject(null, null, "no price of " + intent.symbol()
                    + " is known yet, so the order's risk cannot be judged; place a limit order");
        }
        BigDecimal quantity = intent.quantity();
        if (quantity == null) {
            quantity = intent.quoteQuantity().divide(last, MathContext.DECIMAL64);
        }
        BigDecimal equity = state.equity();
        if (equity == null) {
            return new Subject(null, null, "the account's equity cannot be valued yet (an asset has no known price)");
        }
        Position position = state.position(intent.market(), intent.symbol()).orElse(null);
        boolean reducing = reduces(intent, quantity, state);
        BigDecimal reference = intent.price() != null ? intent.price() : last;
        BigDecimal slPct = config.defaultStopLossPct();
        BigDecimal stop = intent.instructions().stopLossPrice() != null ? intent.instructions().stopLossPrice()
                : reference.multiply(intent.side() == Side.BUY ? BigDecimal.ONE.subtract(slPct) : BigDecimal.ONE.add(slPct));
        OrderRequest request = intent.toRequest(InstrumentGate.CHECK_ID);
        if (request.quoteQuantity() != null) {
            // judged by the base quantity the quote amount buys at the last price
            request = new OrderRequest(request.market(), request.symbol(), request.side(), request.type(), request.timeInForce(),
                    quantity, null, request.price(), request.stopPrice(), request.trailingDelta(), request.callbackRate(),
                    request.activationPrice(), request.reduceOnly(), request.closePosition(), request.clientOrderId());
        } // else the request already has the intent's quantity and no quote quantity: the same request
        // futures: the leverage the order path resolved (the order's, the position's, or the configured default)
        Integer asked = intent.instructions().leverage();
        int leverage = intent.market() == Market.SPOT ? 1 : asked != null ? asked : position != null ? position.leverage()
                : Math.min(10, config.leverageCap());
        ProposedOrder order = ProposedOrder.of(request, instrument, leverage, stop, origin(intent), reducing);
        boolean spendsQuote = intent.market() == Market.FUTURES || intent.side() == Side.BUY;
        BigDecimal free = state.balance(intent.market(), spendsQuote ? instrument.quoteAsset() : instrument.baseAsset())
                .map(AssetBalance::free).orElse(BigDecimal.ZERO);
        BigDecimal startOfDay = counters != null ? counters.startOfDayEquity()
                : state.daily().startEquity() != null ? state.daily().startEquity() : equity;
        BigDecimal pnlToday = counters != null ? counters.dailyPnl() : state.daily().realizedPnl();
        int losses = counters != null ? counters.consecutiveLosses() : state.daily().consecutiveLosses();
        RiskContext context = new RiskContext(state.now(), equity, startOfDay, free.max(BigDecimal.ZERO), takerFee,
                portfolio(state, stops, previousPortfolio), pnlToday, losses, last, books.apply(intent.market(), intent.symbol()), brackets,
                futuresMargin);
        return new Subject(order, context, null);
    }

    /**
     * The USD-M account as the liquidation estimate needs it, from the engine's positions (quantity, average entry,
     * leverage), its marks, the futures wallet of the contract's margin asset and the venue's last positionRisk view
     * (margin type; an isolated wallet only while the view's amount is the engine's). A symbol's margin type is its
     * position's in that view, else {@code marginTypes}' (null when not known).
     *
     * @param brackets    a contract's maintenance brackets, empty when not read yet
     * @param marginTypes the margin type the engine sets on a symbol before its first order there, or null
     */
    static FuturesMargin futuresMargin(Symbol symbol, TradingSnapshot state,
                                       Function<Symbol, List<io.tradeguard.core.venue.MaintenanceBracket>> brackets,
                                       Function<Symbol, MarginType> marginTypes) {
        Instrument instrument = state.instrument(Market.FUTURES, symbol).orElse(null);
        BigDecimal wallet = instrument == null ? null : state.balance(Market.FUTURES, instrument.quoteAsset())
                .map(AssetBalance::total).orElse(null);
        List<MarginPosition> open = new ArrayList<>();
        for (Position p : state.positions()) {
            if (p.market() != Market.FUTURES || p.size().signum() <= 0) {
                continue;
            }
            FuturesPosition view = state.futuresPosition(p.symbol()).orElse(null);
            boolean current = view != null && view.amount().compareTo(p.quantity()) == 0;
            MarginType type = marginType(p.symbol(), state, marginTypes);
            BigDecimal mark = state.price(Market.FUTURES, p.symbol()).orElse(p.entryPrice());
            open.add(new MarginPosition(p.symbol(), p.side() == PositionSide.LONG ? Side.BUY : Side.SELL, p.size(),
                    p.entryPrice(), mark, Math.max(1, p.leverage()), type,
                    type == MarginType.ISOLATED && current ? view.isolatedWallet() : null, brackets.apply(p.symbol())));
        }
        return new FuturesMargin(marginType(symbol, state, marginTypes), wallet, open);
    }

    private static MarginType marginType(Symbol symbol, TradingSnapshot state, Function<Symbol, MarginType> marginTypes) {
        FuturesPosition view = state.futuresPosition(symbol).orElse(null);
        return view != null ? view.marginType() : marginTypes.apply(symbol);
    }

    /** Only reduces a position: reduce-only, close-position, or against the position and no larger than it. */
    static boolean reduces(OrderIntent intent, BigDecimal quantity, TradingSnapshot state) {
        if (intent.reduceOnly() || intent.closePosition()) {
            return true;
        }
        Position position = state.position(intent.market(), intent.symbol()).orElse(null);
        return position != null && quantity != null
                && intent.side() == (position.side() == PositionSide.LONG ? Side.SELL : Side.BUY)
                && quantity.compareTo(position.size()) <= 0;
    }

    static Origin origin(OrderIntent intent) {
        return switch (intent.origin()) {
            case MANUAL -> Origin.MANUAL;
            case SIGNAL -> Origin.SIGNAL;
            case PROTECTION -> intent.reason().equals("emergency stop") ? Origin.EMERGENCY : Origin.PROTECTION;
            case EXTERNAL -> throw new IllegalArgumentException("the engine does not place EXTERNAL orders");
        };
    }

    static boolean urgentExit(OrderIntent intent) {
        return intent.origin() == OrderOrigin.PROTECTION && URGENT_EXITS.contains(intent.reason());
    }

    static Portfolio portfolio(TradingSnapshot state, Map<String, BigDecimal> stops) {
        return portfolio(state, stops, null);
    }

    static Portfolio portfolio(TradingSnapshot state, Map<String, BigDecimal> stops, Portfolio previous) {
        List<OpenPosition> open = new ArrayList<>(state.positions().size());
        for (Position p : state.positions()) {
            if (p.size().signum() <= 0) {
                continue;
            }
            BigDecimal mark = state.price(p.market(), p.symbol()).orElse(p.entryPrice());
            open.add(new OpenPosition(p.market(), p.symbol(), p.side() == PositionSide.LONG ? Side.BUY : Side.SELL, p.size(),
                    p.entryPrice(), mark, stops.get(p.positionId()), Math.max(1, p.leverage())));
        }
        return Portfolio.of(open, previous);
    }

    /** The verdict as the engine's gate decision; a reduced order must still pass the venue's filters. */
    static GateDecision decision(RiskVerdict verdict, OrderIntent intent, ProposedOrder order, TradingSnapshot state) {
        return switch (verdict.decision()) {
            case APPROVED -> GateDecision.PASS;
            case REJECTED -> new GateDecision.Reject(verdict.rejections().stream()
                    .map(r -> r.reason() == null ? r.rule().toString() : r.reason()).toList());
            case ADJUSTED -> {
                OrderIntent adjusted = intent;
                List<String> reasons = new ArrayList<>();
                if (verdict.quantity().compareTo(order.quantity()) != 0 || intent.quantity() == null) {
                    adjusted = new OrderIntent(intent.market(), intent.symbol(), intent.side(), intent.type(), intent.timeInForce(),
                            verdict.quantity(), null, intent.price(), intent.stopPrice(), intent.trailingDelta(),
                            intent.callbackRate(), intent.activationPrice(), intent.reduceOnly(), intent.closePosition(),
                            intent.origin(), intent.reason(), intent.instructions());
                }
                if (verdict.limitPrice() != null) {
                    adjusted = new OrderIntent(adjusted.market(), adjusted.symbol(), adjusted.side(), OrderType.LIMIT,
                            TimeInForce.IOC, adjusted.quantity(), null, verdict.limitPrice(), null, null, null, null,
                            adjusted.reduceOnly(), false, adjusted.origin(), adjusted.reason(),
                            adjusted.instructions());
                }
                for (RuleResult r : verdict.results()) {
                    if (r instanceof RuleResult.Adjusted || r instanceof RuleResult.ConvertedToLimit) {
                        reasons.add(r.reason());
                    }
                }
                if (reasons.isEmpty()) {
                    reasons.add("the order was adjusted to fit the risk limits");
                }
                Instrument instrument = state.instrument(intent.market(), intent.symbol()).orElseThrow();
                var violation = OrderFilters.violation(instrument, adjusted.toRequest(InstrumentGate.CHECK_ID),
                        state.price(intent.market(), intent.symbol()).orElse(intent.price()));
                if (violation.isPresent()) {
                    List<String> why = new ArrayList<>(reasons);
                    why.add("the reduced order no longer fits the venue's filters: " + violation.get());
                    yield new GateDecision.Reject(why);
                }
                yield new GateDecision.Adjust(adjusted, reasons);
            }
        };
    }
}
