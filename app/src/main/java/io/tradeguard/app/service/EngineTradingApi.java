package io.tradeguard.app.service;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.risk.Measure;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.server.api.BalanceView;
import io.tradeguard.server.api.EmergencyStopReport;
import io.tradeguard.server.api.FeeEstimate;
import io.tradeguard.server.api.LeverageSetting;
import io.tradeguard.server.api.ManualTradeView;
import io.tradeguard.server.api.OrderPreview;
import io.tradeguard.server.api.OrderQuery;
import io.tradeguard.server.api.OrderRef;
import io.tradeguard.server.api.OrderView;
import io.tradeguard.server.api.Outcome;
import io.tradeguard.server.api.Page;
import io.tradeguard.server.api.PositionView;
import io.tradeguard.server.api.RiskVerdict;
import io.tradeguard.server.api.RuleResult;
import io.tradeguard.server.api.TradeQuery;
import io.tradeguard.server.api.TradeView;
import io.tradeguard.server.api.TradingApi;
import io.tradeguard.server.api.TradingMode;
import io.tradeguard.server.api.TradingStatus;
import io.tradeguard.server.auth.Principal;
import io.tradeguard.server.order.OrderIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code /api/real-trading/…} over the engine's command queue, its snapshot and the store's history. */
final class EngineTradingApi implements TradingApi {
    private static final Logger LOG = LoggerFactory.getLogger(EngineTradingApi.class);

    private static final java.time.Duration ACK_WAIT = java.time.Duration.ofSeconds(3);

    private final EngineLink link;
    private final RiskCheck risk;
    private final TradingSwitch tradingSwitch;
    private final History history;
    private final String venueName;

    private final io.tradeguard.app.learning.ManualTradeLearning learning;

    EngineTradingApi(EngineLink link, RiskCheck risk, TradingSwitch tradingSwitch, History history, String venueName) {
        this(link, risk, tradingSwitch, history, venueName, null);
    }

    EngineTradingApi(EngineLink link, RiskCheck risk, TradingSwitch tradingSwitch, History history, String venueName,
                     io.tradeguard.app.learning.ManualTradeLearning learning) {
        this.learning = learning;
        this.link = link;
        link.finishedOrders(id -> history.order(id.value()));
        this.risk = risk;
        this.tradingSwitch = tradingSwitch;
        this.history = history;
        this.venueName = venueName;
    }

    @Override
    public TradingStatus status() {
        TradingSnapshot s = link.snapshotOrThrow();
        TradingSwitch.State sw = tradingSwitch.state();
        int open = (int) s.orders().stream().filter(o -> o.status().isOpen()).count();
        return new TradingStatus(sw.enabled() && !s.halted(), s.halted(), link.mode(), venueName, open, s.positions().size(), sw.since());
    }

    @Override
    public Outcome<TradingStatus> start(Principal by) {
        tradingSwitch.set(true, link.now(), by.username().value());
        LOG.info("trading started by {}", by.username().value());
        return Outcome.done(status());
    }

    @Override
    public Outcome<TradingStatus> stop(Principal by) {
        tradingSwitch.set(false, link.now(), by.username().value());
        LOG.info("trading stopped by {}: new orders are refused, open orders stay", by.username().value());
        return Outcome.done(status());
    }

    @Override
    public Outcome<OrderPreview> preview(Principal by, OrderIntent order) {
        Optional<String> unsupported = unsupported(order);
        if (unsupported.isPresent()) {
            return new Outcome.Conflict<>("unsupported_order", unsupported.get());
        }
        if (order.kind() == io.tradeguard.server.order.OrderKind.OCO) {
            return previewOco(order);
        }
        if (order.clientOrderId() != null) {
            CallerOrderIds.label(order.clientOrderId()); // a 400 now rather than when placing
        }
        io.tradeguard.core.order.OrderIntent intent = toCore(order, OrderOrigin.MANUAL);
        Optional<String> bookProblem = link.refreshBook(intent);
        TradingSnapshot snapshot = link.snapshot().orElse(null);
        if (snapshot == null) {
            return new Outcome.Unavailable<>("the engine did not answer in time");
        }
        requireValidProtection(order, snapshot);
        return switch (risk.judge(intent, snapshot)) {
            case RiskCheck.Judgement.NotJudged n -> Outcome.done(new OrderPreview(order, fee(order, intent, snapshot),
                    new RiskVerdict(false, 100, List.of(new RuleResult("order_check", false, n.reason(), null, null)))));
            case RiskCheck.Judgement.Judged j -> {
                OrderIntent rounded = fromCore(order, j.conformed(), j.verdict());
                RiskVerdict verdict = verdict(j.verdict(), bookProblem);
                yield Outcome.done(new OrderPreview(rounded, fee(rounded, j.conformed(), snapshot), verdict));
            }
        };
    }

    @Override
    public Outcome<OrderView> place(Principal by, OrderIntent order) {
        Optional<String> unsupported = unsupported(order);
        if (unsupported.isPresent()) {
            return new Outcome.Conflict<>("unsupported_order", unsupported.get());
        }
        if (order.kind() == io.tradeguard.server.order.OrderKind.OCO) {
            return placeOco(by, order);
        }
        io.tradeguard.core.order.OrderIntent intent = toCore(order, OrderOrigin.MANUAL)
                .withReason("manual by " + by.username().value());
        Optional<String> bookProblem = link.refreshBook(intent);
        TradingSnapshot snapshot = link.snapshot().orElse(null);
        if (snapshot == null) {
            return new Outcome.Unavailable<>("the engine did not answer in time");
        }
        requireValidProtection(order, snapshot);
        if (snapshot.halted()) {
            return new Outcome.Conflict<>("trading_halted", "trading is halted after an emergency stop ("
                    + snapshot.haltReason() + "); an admin must reset it first");
        }
        if (!tradingSwitch.state().enabled() && !RiskCheck.reduces(intent, snapshot)) {
            return new Outcome.Conflict<>("trading_stopped", "trading is stopped: POST /api/real-trading/start first");
        }
        Optional<String> unfit = risk.unfit(intent, snapshot);
        if (unfit.isPresent()) {
            throw io.tradeguard.server.http.ApiException.of(400, "invalid_order", unfit.get());
        }
        if (risk.judge(intent, snapshot) instanceof RiskCheck.Judgement.Judged j && !j.verdict().approved()) {
            return new Outcome.RiskRejected<>(verdict(j.verdict(), bookProblem).failed());
        }
        Command.PlaceOrder command = CallerOrderIds.placing(intent, order.clientOrderId());
        ClientOrderId wanted = command.clientOrderId(CallerOrderIds.PREFIX);
        // final orders leave the engine's state but not the journal, where the id must stay unique
        if (wanted != null && (snapshot.order(wanted).isPresent() || history.order(wanted.value()).isPresent())) {
            return new Outcome.Conflict<>("duplicate_client_order_id", "the client order id " + wanted
                    + " is already in use; choose another");
        }
        return link.place(command);
    }

    @Override
    public Outcome<OrderView> cancel(Principal by, OrderRef ref) {
        TradingSnapshot snapshot = link.snapshot().orElse(null);
        if (snapshot == null) {
            return new Outcome.Unavailable<>("the engine did not answer in time");
        }
        Optional<Order> found = switch (ref) {
            case OrderRef.ByClientOrderId c -> CallerOrderIds.candidates(c.clientOrderId()).stream()
                    .flatMap(id -> snapshot.order(id).stream()).findFirst();
            case OrderRef.ByOrderId id -> snapshot.orders().stream().filter(o -> o.clientOrderId().value().equals(id.orderId())
                    || (o.venueOrderId() != null && o.venueOrderId().toString().equals(id.orderId()))).findFirst();
        };
        if (found.isEmpty()) {
            String name = ref instanceof OrderRef.ByClientOrderId c ? c.clientOrderId().value() : ((OrderRef.ByOrderId) ref).orderId();
            return past(ref).<Outcome<OrderView>>map(o -> new Outcome.Conflict<>("order_final",
                            "order " + name + " is already " + o.status().name().toLowerCase(Locale.ROOT)))
                    .orElseGet(() -> new Outcome.NotFound<>("no order " + name));
        }
        Order order = awaitAcknowledged(found.get());
        if (order.status().isTerminal()) {
            return new Outcome.Conflict<>("order_final", "order " + order.clientOrderId().value() + " is already "
                    + order.status().name().toLowerCase(Locale.ROOT));
        }
        return switch (link.submit(new Command.CancelOrder(order.clientOrderId(), "cancelled by " + by.username().value()))) {
            case Outcome.Done<CommandResult> d when d.value() instanceof CommandResult.Rejected r ->
                    new Outcome.Conflict<>("cancel_refused", String.join("; ", r.reasons()));
            case Outcome.Done<CommandResult> d -> Outcome.done(link.order(order.clientOrderId()).map(Views::order)
                    .orElse(Views.order(order)));
            case Outcome.Unavailable<CommandResult> u -> new Outcome.Unavailable<>(u.detail());
            default -> new Outcome.Unavailable<>("the engine did not answer");
        };
    }

    @Override
    public Outcome<OrderView> order(OrderRef ref) {
        TradingSnapshot snapshot = link.snapshot().orElse(null);
        if (snapshot == null) {
            return new Outcome.Unavailable<>("the engine did not answer in time");
        }
        Optional<Order> live = switch (ref) {
            case OrderRef.ByClientOrderId c -> CallerOrderIds.candidates(c.clientOrderId()).stream()
                    .flatMap(id -> snapshot.order(id).stream()).findFirst();
            case OrderRef.ByOrderId id -> snapshot.orders().stream().filter(o -> o.clientOrderId().value().equals(id.orderId())
                    || (o.venueOrderId() != null && o.venueOrderId().toString().equals(id.orderId()))).findFirst();
        };
        return live.map(Views::order).or(() -> past(ref)).<Outcome<OrderView>>map(Outcome::done)
                .orElseGet(() -> new Outcome.NotFound<>("no order " + (ref instanceof OrderRef.ByClientOrderId c
                        ? c.clientOrderId().value() : ((OrderRef.ByOrderId) ref).orderId())));
    }

    /** The order as the journal's history has it (final orders leave the engine's state). */
    private Optional<OrderView> past(OrderRef ref) {
        return switch (ref) {
            case OrderRef.ByClientOrderId c -> CallerOrderIds.candidates(c.clientOrderId()).stream()
                    .flatMap(id -> history.order(id.value()).stream()).findFirst();
            case OrderRef.ByOrderId id -> history.order(id.orderId());
        };
    }

    /**
     * An order just sent is cancellable only once the venue acknowledged it: wait for that a little (the
     * usual case is a few milliseconds) rather than refuse; the engine answers if it is still not there.
     */
    private Order awaitAcknowledged(Order order) {
        long deadline = System.nanoTime() + ACK_WAIT.toNanos();
        Order current = order;
        while (current.status() == io.tradeguard.core.model.OrderStatus.PENDING_SUBMIT && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
            current = link.order(order.clientOrderId()).orElse(current);
        }
        return current;
    }

    @Override
    public Page<OrderView> orders(OrderQuery query) {
        return history.orders(query);
    }

    @Override
    public List<PositionView> positions() {
        TradingSnapshot s = link.snapshotOrThrow();
        // what is left after a close that the venue cannot sell (fees taken in the coin, step rounding) stays in
        // the wallet's balance; as a position it could never be closed, so it is not listed as one
        return s.positions().stream().filter(p -> !risk.isDust(p))
                .map(p -> Views.position(p, s.price(p.market(), p.symbol()).orElse(null),
                        p.market() == Market.FUTURES ? s.futuresPosition(p.symbol()).orElse(null) : null,
                        risk.guards().activeTriggers(), risk.guards().nativeBrackets())).toList();
    }

    @Override
    public Outcome<OrderView> closePosition(Principal by, String positionId) {
        TradingSnapshot s = link.snapshot().orElse(null);
        if (s == null) {
            return new Outcome.Unavailable<>("the engine did not answer in time");
        }
        Optional<Position> position = s.positions().stream().filter(p -> p.positionId().equals(positionId)).findFirst();
        if (position.isEmpty()) {
            return new Outcome.NotFound<>("no open position " + positionId);
        }
        Position p = position.get();
        return link.place(new Command.ClosePosition(p.market(), p.symbol(), OrderOrigin.MANUAL, "closed by " + by.username().value()));
    }

    @Override
    public Page<TradeView> trades(TradeQuery query) {
        return history.trades(query);
    }

    @Override
    public List<BalanceView> balances() {
        return Views.balances(link.snapshotOrThrow().balances());
    }

    @Override
    public Outcome<EmergencyStopReport> emergencyStop(Principal by, String reason) {
        TradingSnapshot before = link.snapshot().orElse(null);
        if (before == null) {
            return new Outcome.Unavailable<>("the engine did not answer in time");
        }
        String why = (reason == null || reason.isBlank() ? "emergency stop" : reason) + " (by " + by.username().value() + ")";
        LOG.warn("EMERGENCY STOP requested by {}: {}", by.username().value(), why);
        return switch (link.submit(new Command.EmergencyStop(why))) {
            case Outcome.Done<CommandResult> d when d.value() instanceof CommandResult.Rejected r ->
                    new Outcome.Conflict<>("emergency_stop_refused", String.join("; ", r.reasons()));
            case Outcome.Done<CommandResult> d -> Outcome.done(new EmergencyStopReport(
                    (int) before.orders().stream().filter(o -> o.status().isOpen()).count(),
                    ((CommandResult.Accepted) d.value()).orders().size(), why, link.now()));
            case Outcome.Unavailable<CommandResult> u -> new Outcome.Unavailable<>(u.detail());
            default -> new Outcome.Unavailable<>("the engine did not answer");
        };
    }

    @Override
    public Outcome<TradingStatus> resetEmergencyStop(Principal by) {
        return switch (link.submit(new Command.ResumeTrading(by.username().value()))) {
            case Outcome.Done<CommandResult> d when d.value() instanceof CommandResult.Rejected r ->
                    new Outcome.Conflict<>("reset_refused", String.join("; ", r.reasons()));
            case Outcome.Done<CommandResult> d -> Outcome.done(status());
            case Outcome.Unavailable<CommandResult> u -> new Outcome.Unavailable<>(u.detail());
            default -> new Outcome.Unavailable<>("the engine did not answer");
        };
    }

    @Override
    public List<ManualTradeView> manualTrades() {
        return history.externalOrders();
    }

    @Override
    public io.tradeguard.server.api.ManualTradesReport manualTradesReport() {
        if (learning == null) {
            return TradingApi.super.manualTradesReport();
        }
        var counters = learning.counters();
        return new io.tradeguard.server.api.ManualTradesReport(manualTrades(), learning.recordsAsMaps(),
                counters.detected(), counters.matched(), counters.unmatched());
    }

    @Override
    public String learningExport(LearningExportFormat format) {
        if (learning == null) {
            return TradingApi.super.learningExport(format);
        }
        return switch (format) {
            case JSONL -> learning.jsonl();
            case CSV -> learning.csv();
        };
    }

    @Override
    public Outcome<LeverageSetting> setLeverage(Principal by, Symbol symbol, int leverage) {
        // one symbol has one leverage on the venue; the engine sets it from each futures entry before sending it
        return new Outcome.Conflict<>("leverage_per_order", "futures leverage is set per order: send leverage (default 10x,"
                + " never above the configured max_leverage) with the futures order of " + symbol.value()
                + "; the engine sets it on the venue before the order and refuses anything above the cap");
    }

    @Override
    public Outcome<TradingMode> setMode(Principal by, TradingMode mode) {
        link.setMode(mode);
        LOG.info("trading mode set to {} by {}", mode, by.username().value());
        return Outcome.done(mode);
    }

    static Optional<String> unsupported(OrderIntent order) {
        if (order.market() == Market.SPOT && order.leverage() != null && order.leverage() != 1) {
            return Optional.of("spot orders have no leverage; leave leverage out or trade market=futures");
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- OCO lists (spot)

    /** The two legs of a manual OCO as the engine places them: above and below the market, limit leg first named. */
    private record OcoLegs(io.tradeguard.core.order.OrderIntent above, io.tradeguard.core.order.OrderIntent below,
                           io.tradeguard.core.order.OrderIntent limit, io.tradeguard.core.order.OrderIntent stop) {
    }

    /**
     * The legs of an OCO, checked against the last price and the instrument filters; a 400 naming the leg otherwise
     * (nothing is rounded silently: an OCO is sent exactly as asked, or not at all).
     */
    private OcoLegs ocoLegs(OrderIntent order, TradingSnapshot snapshot, String reason) {
        if (order.clientOrderId() != null) {
            throw io.tradeguard.server.http.ApiException.badField("client_order_id",
                    "an OCO's legs are named after the list the engine names; leave client_order_id out");
        }
        if (order.stopLoss() != null || order.takeProfit() != null) {
            throw io.tradeguard.server.http.ApiException.badField("stop_loss",
                    "an OCO is itself the exit pair; stop_loss / take_profit do not apply");
        }
        BigDecimal last = snapshot.price(Market.SPOT, order.symbol()).orElse(null);
        if (last == null) {
            throw io.tradeguard.server.http.ApiException.of(400, "invalid_order", "the price of " + order.symbol()
                    + " is not known yet, so the OCO's legs cannot be checked against it; try again in a moment");
        }
        boolean sell = order.side() == io.tradeguard.core.model.Side.SELL;
        // SELL: take-profit limit above the market, stop below; BUY: limit below, stop above (Binance's OCO price rules)
        if (sell ? order.price().compareTo(last) <= 0 || order.stopPrice().compareTo(last) >= 0
                : order.price().compareTo(last) >= 0 || order.stopPrice().compareTo(last) <= 0) {
            throw io.tradeguard.server.http.ApiException.of(400, "invalid_order", "a " + order.side() + " OCO needs its limit price "
                    + (sell ? "above" : "below") + " and its stop_price " + (sell ? "below" : "above") + " the last price "
                    + last.stripTrailingZeros().toPlainString() + "; were " + order.price().toPlainString() + " and "
                    + order.stopPrice().toPlainString());
        }
        io.tradeguard.core.order.OrderIntent limit = new io.tradeguard.core.order.OrderIntent(Market.SPOT, order.symbol(),
                order.side(), OrderType.LIMIT_MAKER, null, order.quantity(), null, order.price(), null, null, null, null,
                false, false, OrderOrigin.MANUAL, reason, new io.tradeguard.core.order.OrderInstructions(null, order.protection(), null, null, null, null, null));
        boolean stopLimit = order.stopLimitPrice() != null;
        io.tradeguard.core.order.OrderIntent stop = new io.tradeguard.core.order.OrderIntent(Market.SPOT, order.symbol(),
                order.side(), stopLimit ? OrderType.STOP_LOSS_LIMIT : OrderType.STOP_LOSS,
                stopLimit ? (order.timeInForce() != null ? order.timeInForce() : io.tradeguard.core.model.TimeInForce.GTC) : null,
                order.quantity(), null, order.stopLimitPrice(), order.stopPrice(), null, null, null,
                false, false, OrderOrigin.MANUAL, reason, new io.tradeguard.core.order.OrderInstructions(null, order.protection(), null, null, null, null, null));
        for (var leg : List.of(limit, stop)) {
            String name = leg == limit ? "the limit leg" : "the stop leg";
            Optional<String> unfit = risk.unfit(leg, snapshot);
            if (unfit.isPresent()) {
                throw io.tradeguard.server.http.ApiException.of(400, "invalid_order", name + ": " + unfit.get());
            }
            if (risk.judge(leg, snapshot) instanceof RiskCheck.Judgement.Judged j) {
                String changed = changed(leg, j.conformed());
                if (changed != null) {
                    throw io.tradeguard.server.http.ApiException.of(400, "invalid_order", name + " does not fit "
                            + order.symbol() + "'s filters: " + changed + "; an OCO is sent exactly as asked");
                }
            }
        }
        return sell ? new OcoLegs(limit, stop, limit, stop) : new OcoLegs(stop, limit, limit, stop);
    }

    /** What the filters would change in a leg (tick, step), or null. */
    private static String changed(io.tradeguard.core.order.OrderIntent asked, io.tradeguard.core.order.OrderIntent conformed) {
        if (differs(asked.quantity(), conformed.quantity())) {
            return "quantity " + asked.quantity().toPlainString() + " is off the lot step (would be "
                    + conformed.quantity().stripTrailingZeros().toPlainString() + ")";
        }
        if (differs(asked.price(), conformed.price())) {
            return "price " + asked.price().toPlainString() + " is off the tick size (would be "
                    + conformed.price().stripTrailingZeros().toPlainString() + ")";
        }
        if (differs(asked.stopPrice(), conformed.stopPrice())) {
            return "stop_price " + asked.stopPrice().toPlainString() + " is off the tick size (would be "
                    + conformed.stopPrice().stripTrailingZeros().toPlainString() + ")";
        }
        return null;
    }

    private static boolean differs(BigDecimal a, BigDecimal b) {
        return a == null ? b != null : b == null || a.compareTo(b) != 0;
    }

    /** Both legs' verdicts in one: approved when both are; each rule's message says its leg. */
    private static io.tradeguard.server.api.RiskVerdict ocoVerdict(List<io.tradeguard.core.risk.RiskVerdict> legs) {
        List<RuleResult> rules = new java.util.ArrayList<>();
        boolean approved = true;
        int score = 0;
        for (int i = 0; i < legs.size(); i++) {
            RiskVerdict v = verdict(legs.get(i), Optional.empty());
            String leg = i == 0 ? "limit leg: " : "stop leg: ";
            approved &= v.approved();
            score = Math.max(score, v.score());
            v.rules().forEach(r -> rules.add(new RuleResult(r.rule(), r.passed(), leg + r.message(), r.limit(), r.actual())));
        }
        return new RiskVerdict(approved, score, rules);
    }

    private Outcome<OrderPreview> previewOco(OrderIntent order) {
        TradingSnapshot snapshot = link.snapshot().orElse(null);
        if (snapshot == null) {
            return new Outcome.Unavailable<>("the engine did not answer in time");
        }
        OcoLegs legs = ocoLegs(order, snapshot, "");
        List<io.tradeguard.core.risk.RiskVerdict> verdicts = new java.util.ArrayList<>();
        for (var leg : List.of(legs.limit(), legs.stop())) {
            switch (risk.judge(leg, snapshot)) {
                case RiskCheck.Judgement.NotJudged n -> {
                    return Outcome.done(new OrderPreview(order, fee(order, legs.limit(), snapshot),
                            new RiskVerdict(false, 100, List.of(new RuleResult("order_check", false, n.reason(), null, null)))));
                }
                case RiskCheck.Judgement.Judged j -> verdicts.add(j.verdict());
            }
        }
        return Outcome.done(new OrderPreview(order, fee(order, legs.limit(), snapshot), ocoVerdict(verdicts)));
    }

    private Outcome<OrderView> placeOco(Principal by, OrderIntent order) {
        TradingSnapshot snapshot = link.snapshot().orElse(null);
        if (snapshot == null) {
            return new Outcome.Unavailable<>("the engine did not answer in time");
        }
        OcoLegs legs = ocoLegs(order, snapshot, "manual OCO by " + by.username().value());
        // a SELL OCO of held coins is an exit: allowed while trading is stopped or halted, like any order that reduces
        boolean exit = RiskCheck.reduces(legs.stop(), snapshot) && snapshot.position(Market.SPOT, order.symbol())
                .map(p -> order.quantity().compareTo(p.size()) <= 0).orElse(false);
        if (snapshot.halted() && !exit) {
            return new Outcome.Conflict<>("trading_halted", "trading is halted after an emergency stop ("
                    + snapshot.haltReason() + "); an admin must reset it first");
        }
        if (!tradingSwitch.state().enabled() && !exit) {
            return new Outcome.Conflict<>("trading_stopped", "trading is stopped: POST /api/real-trading/start first");
        }
        List<io.tradeguard.core.risk.RiskVerdict> verdicts = new java.util.ArrayList<>();
        for (var leg : List.of(legs.limit(), legs.stop())) {
            if (risk.judge(leg, snapshot) instanceof RiskCheck.Judgement.Judged j) {
                verdicts.add(j.verdict());
            }
        }
        RiskVerdict verdict = ocoVerdict(verdicts);
        if (!verdict.approved()) {
            return new Outcome.RiskRejected<>(verdict.failed());
        }
        return link.place(new Command.PlaceOco(legs.above(), legs.below()));
    }

    /**
     * Why an order's own stop_loss / take_profit cannot protect the position it opens, or empty: a buy opens a long
     * (spot or futures), a futures sell a short, a spot sell nothing; a long's stop-loss must lie below, its
     * take-profit above, the price it enters at (the limit price, else the last price), a short's the other way.
     */
    static Optional<String> protectionProblem(OrderIntent order, TradingSnapshot snapshot) {
        if (order.stopLoss() == null && order.takeProfit() == null) {
            return Optional.empty();
        }
        boolean futures = order.market() == Market.FUTURES;
        boolean opensLong = order.side() == io.tradeguard.core.model.Side.BUY;
        if (!opensLong && !futures) {
            return Optional.of("stop_loss / take_profit protect the position an order opens; a spot sell opens none");
        }
        if (order.reduceOnly()) {
            return Optional.of("stop_loss / take_profit protect the position an order opens; a reduce-only order opens none");
        }
        BigDecimal entry = order.price() != null ? order.price()
                : snapshot.price(order.market(), order.symbol()).orElse(null);
        if (entry == null) {
            return Optional.of("the price of " + order.symbol() + " is not known yet, so stop_loss / take_profit cannot be"
                    + " checked against it; give a limit price or try again in a moment");
        }
        String side = opensLong ? "long" : "short";
        int below = opensLong ? 1 : -1; // a long's stop lies below the entry, a short's above
        if (order.stopLoss() != null && order.stopLoss().compareTo(entry) * below >= 0) {
            return Optional.of("the stop_loss " + order.stopLoss().toPlainString() + " of a " + side + " must lie "
                    + (opensLong ? "below" : "above") + " its entry price " + entry.stripTrailingZeros().toPlainString());
        }
        if (order.takeProfit() != null && order.takeProfit().compareTo(entry) * below <= 0) {
            return Optional.of("the take_profit " + order.takeProfit().toPlainString() + " of a " + side + " must lie "
                    + (opensLong ? "above" : "below") + " its entry price " + entry.stripTrailingZeros().toPlainString());
        }
        return Optional.empty();
    }

    private static void requireValidProtection(OrderIntent order, TradingSnapshot snapshot) {
        protectionProblem(order, snapshot).ifPresent(problem -> {
            throw io.tradeguard.server.http.ApiException.of(400, "invalid_protection", problem);
        });
    }

    static io.tradeguard.core.order.OrderIntent toCore(OrderIntent o, OrderOrigin origin) {
        return new io.tradeguard.core.order.OrderIntent(o.market(), o.symbol(), o.side(), o.type(), o.timeInForce(),
                o.quantity(), o.quoteQuantity(), o.price(), o.stopPrice(), o.trailingDelta(), o.callbackRate(),
                o.activationPrice(), o.reduceOnly(), false, origin, "",
                new io.tradeguard.core.order.OrderInstructions(o.leverage(), o.protection(),
                        o.stopLoss(), o.takeProfit(), null, null, null));
    }

    /** The request with the amounts the filters and rules would send. */
    private static OrderIntent fromCore(OrderIntent asked, io.tradeguard.core.order.OrderIntent conformed,
                                        io.tradeguard.core.risk.RiskVerdict verdict) {
        BigDecimal quantity = conformed.quantity();
        if (quantity != null && verdict.quantity() != null && verdict.quantity().compareTo(quantity) < 0) {
            quantity = verdict.quantity();
        }
        return new OrderIntent(asked.kind(), asked.market(), asked.symbol(), asked.side(), asked.type(), asked.timeInForce(),
                quantity, quantity == null ? conformed.quoteQuantity() : null, conformed.price(), conformed.stopPrice(),
                asked.stopLimitPrice(), asked.trailingDelta(), asked.callbackRate(), conformed.activationPrice(),
                asked.leverage(), asked.reduceOnly(), asked.clientOrderId(), asked.stopLoss(), asked.takeProfit(), asked.protection());
    }

    static RiskVerdict verdict(io.tradeguard.core.risk.RiskVerdict v, Optional<String> bookProblem) {
        List<RuleResult> rules = v.results().stream().map(r -> {
            boolean failed = r instanceof io.tradeguard.core.risk.RuleResult.Rejected;
            Measure m = measure(r);
            String message = r.reason();
            if (failed && r.rule() == io.tradeguard.core.risk.RuleId.SLIPPAGE && bookProblem.isPresent()) {
                message = message + " (" + bookProblem.get() + ")";
            }
            return new RuleResult(r.rule().name().toLowerCase(Locale.ROOT), !failed, message,
                    m == null ? null : m.limit(), m == null ? null : m.actual());
        }).toList();
        return new RiskVerdict(v.approved(), v.score(), rules);
    }

    private static Measure measure(io.tradeguard.core.risk.RuleResult r) {
        return switch (r) {
            case io.tradeguard.core.risk.RuleResult.Passed p -> p.measure();
            case io.tradeguard.core.risk.RuleResult.Adjusted a -> a.measure();
            case io.tradeguard.core.risk.RuleResult.ConvertedToLimit c -> c.measure();
            case io.tradeguard.core.risk.RuleResult.Rejected j -> j.measure();
            case io.tradeguard.core.risk.RuleResult.Skipped s -> null;
        };
    }

    private FeeEstimate fee(OrderIntent order, io.tradeguard.core.order.OrderIntent intent, TradingSnapshot s) {
        Asset quote = s.instrument(order.market(), order.symbol()).map(i -> i.quoteAsset()).orElse(s.quoteAsset());
        BigDecimal price = intent.price() != null ? intent.price() : s.price(order.market(), order.symbol()).orElse(null);
        BigDecimal notional = intent.quoteQuantity() != null ? intent.quoteQuantity()
                : price == null || intent.quantity() == null ? BigDecimal.ZERO : price.multiply(intent.quantity());
        BigDecimal rate = risk.guards().takerFeeRate(order.market(), order.symbol()); // the account's own rate on that market once the venue said it
        return new FeeEstimate(notional.multiply(rate).setScale(8, RoundingMode.HALF_UP).stripTrailingZeros(), quote, rate);
    }

}
