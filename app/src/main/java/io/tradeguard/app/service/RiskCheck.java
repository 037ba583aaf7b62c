package io.tradeguard.app.service;

import io.tradeguard.core.instrument.Conformance;
import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.pretrade.GateDecision;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.risk.BookLevel;
import io.tradeguard.core.risk.OpenPosition;
import io.tradeguard.core.risk.OrderBookView;
import io.tradeguard.core.risk.Origin;
import io.tradeguard.core.risk.Portfolio;
import io.tradeguard.core.risk.ProposedOrder;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.risk.RiskContext;
import io.tradeguard.core.risk.RiskEngine;
import io.tradeguard.core.risk.RiskVerdict;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.OrderBook;
import io.tradeguard.core.venue.OrderRequest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pure {@link RiskEngine} as a pre-trade gate and as the judge of previews, over the engine's snapshot.
 * Market orders need the symbol's book for the slippage rule: the gate runs on the engine thread and must
 * not call out, so it uses the book the API thread fetched just before ({@link #remember}); a book older
 * than {@link #BOOK_MAX_AGE} counts as none and the slippage rule refuses the order.
 */
final class RiskCheck implements PreTradeGate {
    static final Duration BOOK_MAX_AGE = Duration.ofSeconds(10);
    /** Binance's standard spot taker rate; the venue's own rate is not read yet. */
    static final BigDecimal TAKER_FEE_RATE = new BigDecimal("0.001");

    private record TimedBook(OrderBookView book, Instant at) {
    }

    /** What one judgement said: refused before the rules ran (with why), or the rules' verdict. */
    sealed interface Judgement {
        record NotJudged(String reason) implements Judgement {
        }

        record Judged(RiskVerdict verdict, OrderIntent conformed) implements Judgement {
        }
    }

    private final AtomicReference<RiskEngine> rules;
    private final Map<Symbol, TimedBook> books = new ConcurrentHashMap<>();
    /** Last prices from the service's own ticker subscription: the engine follows only symbols it trades. */
    private final Map<Symbol, BigDecimal> tickers = new ConcurrentHashMap<>();

    RiskCheck(RiskConfig config) {
        this.rules = new AtomicReference<>(new RiskEngine(Objects.requireNonNull(config, "config")));
    }

    RiskConfig config() {
        return rules.get().config();
    }

    void updateConfig(RiskConfig config) {
        rules.set(new RiskEngine(config));
    }

    void remember(OrderBook book, Instant at) {
        books.put(book.symbol(), new TimedBook(new OrderBookView(levels(book.bids()), levels(book.asks())), at));
    }

    void observe(Symbol symbol, BigDecimal price) {
        if (price != null && price.signum() > 0) {
            tickers.put(symbol, price);
        }
    }

    /** The engine's price of the symbol, else the ticker's. */
    BigDecimal price(TradingSnapshot state, Symbol symbol) {
        return state.price(symbol).orElseGet(() -> tickers.get(symbol));
    }

    /** The engine's equity, else every balance valued at the known prices; null when an asset has none. */
    BigDecimal equity(TradingSnapshot state) {
        if (state.equity() != null) {
            return state.equity();
        }
        BigDecimal total = BigDecimal.ZERO;
        for (AssetBalance b : state.balances()) {
            BigDecimal amount = b.free().add(b.locked());
            if (amount.signum() == 0) {
                continue;
            }
            if (b.asset().equals(state.quoteAsset())) {
                total = total.add(amount);
                continue;
            }
            BigDecimal price = price(state, Symbol.of(b.asset().code() + state.quoteAsset().code()));
            if (price == null) {
                return null;
            }
            total = total.add(amount.multiply(price));
        }
        return total;
    }

    @Override
    public Stage stage() {
        return Stage.RISK;
    }

    @Override
    public String name() {
        return "risk-rules";
    }

    @Override
    public GateDecision check(OrderIntent intent, TradingSnapshot state) {
        return switch (judge(intent, state)) {
            case Judgement.NotJudged n -> GateDecision.Reject.because(n.reason());
            case Judgement.Judged j when j.verdict().decision() == RiskVerdict.Decision.REJECTED ->
                    new GateDecision.Reject(j.verdict().rejections().stream().map(r -> r.reason()).toList());
            case Judgement.Judged j when j.verdict().decision() == RiskVerdict.Decision.APPROVED -> GateDecision.PASS;
            case Judgement.Judged j -> new GateDecision.Adjust(adjusted(intent, j.verdict()), adjustments(j.verdict()));
        };
    }

    /** Judges the order as the gate would, after the instrument filters (a preview, a validation). */
    Judgement judge(OrderIntent intent, TradingSnapshot state) {
        Instrument instrument = state.instrument(intent.symbol()).orElse(null);
        if (instrument == null) {
            return new Judgement.NotJudged(intent.symbol() + " is not traded on this venue");
        }
        Conformance conformance = InstrumentGate.conform(instrument, intent, state);
        if (conformance instanceof Conformance.Refused refused) {
            return new Judgement.NotJudged(refused.reason());
        }
        OrderIntent conformed = InstrumentGate.apply(intent, ((Conformance.Conformed) conformance).order());
        BigDecimal last = price(state, intent.symbol());
        if (last == null || last.signum() <= 0) {
            return new Judgement.NotJudged("no price of " + intent.symbol() + " is known yet; the risk rules cannot judge the order");
        }
        BigDecimal equity = equity(state);
        if (equity == null) {
            return new Judgement.NotJudged("the account's equity cannot be valued (an asset has no known price)");
        }
        BigDecimal quantity = conformed.quantity();
        if (quantity == null) {
            quantity = conformed.quoteQuantity().divide(last, 8, RoundingMode.DOWN);
        }
        OrderRequest request = new OrderRequest(conformed.market(), conformed.symbol(), conformed.side(), conformed.type(),
                conformed.timeInForce(), quantity, null, conformed.price(), conformed.stopPrice(), conformed.trailingDelta(),
                conformed.callbackRate(), conformed.activationPrice(), conformed.reduceOnly(), conformed.closePosition(),
                io.tradeguard.core.model.ClientOrderId.of("risk"));
        boolean reducing = reduces(conformed, state);
        ProposedOrder proposed = ProposedOrder.of(request, instrument, 1, null, origin(conformed.origin()), reducing);
        RiskContext context = context(conformed, state, instrument, last, equity);
        return new Judgement.Judged(rules.get().check(proposed, context), conformed);
    }

    private RiskContext context(OrderIntent intent, TradingSnapshot state, Instrument instrument, BigDecimal last,
                                BigDecimal equity) {
        BigDecimal startEquity = state.daily().startEquity() == null ? equity : state.daily().startEquity();
        Asset spent = intent.side() == Side.BUY || intent.market() == Market.FUTURES ? instrument.quoteAsset() : instrument.baseAsset();
        BigDecimal free = state.balance(intent.market(), spent).map(AssetBalance::free).orElse(BigDecimal.ZERO);
        List<OpenPosition> open = new ArrayList<>();
        for (Position p : state.positions()) {
            BigDecimal mark = Objects.requireNonNullElse(price(state, p.symbol()), p.entryPrice());
            Side side = p.side().direction() > 0 ? Side.BUY : Side.SELL;
            open.add(new OpenPosition(p.market(), p.symbol(), side, p.size(), p.entryPrice(), mark, null, Math.max(1, p.leverage())));
        }
        int losses = Math.max(0, -state.daily().streak());
        TimedBook timed = books.get(intent.symbol());
        OrderBookView book = timed == null || timed.at().isBefore(state.now().minus(BOOK_MAX_AGE)) ? null : timed.book();
        return new RiskContext(state.now(), equity, startEquity.max(BigDecimal.ZERO), free, TAKER_FEE_RATE,
                Portfolio.of(open), state.daily().realizedPnl(), losses, last, book);
    }

    static boolean reduces(OrderIntent intent, TradingSnapshot state) {
        if (intent.reduceOnly() || intent.closePosition()) {
            return true;
        }
        return state.position(intent.market(), intent.symbol())
                .map(p -> p.side().direction() > 0 ? intent.side() == Side.SELL : intent.side() == Side.BUY)
                .orElse(intent.market() == Market.SPOT && intent.side() == Side.SELL);
    }

    private static Origin origin(OrderOrigin origin) {
        return switch (origin) {
            case MANUAL, EXTERNAL -> Origin.MANUAL;
            case SIGNAL -> Origin.SIGNAL;
            case PROTECTION -> Origin.PROTECTION;
        };
    }

    private static OrderIntent adjusted(OrderIntent intent, RiskVerdict verdict) {
        OrderIntent out = intent.quantity() == null ? intent : intent.withQuantity(verdict.quantity());
        if (verdict.limitPrice() != null && out.type() == OrderType.MARKET) {
            BigDecimal quantity = out.quantity() != null ? out.quantity() : verdict.quantity();
            out = new OrderIntent(out.market(), out.symbol(), out.side(), OrderType.LIMIT, TimeInForce.IOC, quantity, null,
                    verdict.limitPrice(), null, null, null, null, out.reduceOnly(), out.closePosition(), out.origin(), out.reason());
        }
        return out;
    }

    private static List<String> adjustments(RiskVerdict verdict) {
        List<String> out = verdict.results().stream()
                .filter(r -> r instanceof io.tradeguard.core.risk.RuleResult.Adjusted
                        || r instanceof io.tradeguard.core.risk.RuleResult.ConvertedToLimit)
                .map(r -> r.reason()).toList();
        return out.isEmpty() ? List.of("adjusted by the risk rules") : out;
    }

    private static List<BookLevel> levels(List<OrderBook.Level> levels) {
        return levels.stream().map(l -> new BookLevel(l.price(), l.quantity())).toList();
    }
}
