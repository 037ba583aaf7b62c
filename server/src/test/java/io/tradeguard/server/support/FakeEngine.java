package io.tradeguard.server.support;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.server.api.BalanceView;
import io.tradeguard.server.api.ComponentHealth;
import io.tradeguard.server.api.EmergencyStopReport;
import io.tradeguard.server.api.EngineEvent;
import io.tradeguard.server.api.EngineEvents;
import io.tradeguard.server.api.FeeEstimate;
import io.tradeguard.server.api.LeverageSetting;
import io.tradeguard.server.api.ManualTradeView;
import io.tradeguard.server.api.MonitorStatus;
import io.tradeguard.server.api.OrderOrigin;
import io.tradeguard.server.api.OrderPreview;
import io.tradeguard.server.api.OrderQuery;
import io.tradeguard.server.api.OrderRef;
import io.tradeguard.server.api.OrderView;
import io.tradeguard.server.api.Outcome;
import io.tradeguard.server.api.Page;
import io.tradeguard.server.api.PositionView;
import io.tradeguard.server.api.ProtectionApi;
import io.tradeguard.server.api.ProtectionRequest;
import io.tradeguard.server.api.ProtectionView;
import io.tradeguard.server.api.RiskVerdict;
import io.tradeguard.server.api.RuleResult;
import io.tradeguard.server.api.SafetyApi;
import io.tradeguard.server.api.SafetyConfiguration;
import io.tradeguard.server.api.SafetyConfigurationPatch;
import io.tradeguard.server.api.SafetyStatus;
import io.tradeguard.server.api.SignalApi;
import io.tradeguard.server.api.Signal;
import io.tradeguard.server.api.SignalDecision;
import io.tradeguard.server.api.SlippageCheck;
import io.tradeguard.server.api.SlippageVerdict;
import io.tradeguard.server.api.TradeQuery;
import io.tradeguard.server.api.TradeResult;
import io.tradeguard.server.api.TradeView;
import io.tradeguard.server.api.TradingApi;
import io.tradeguard.server.api.TradingMode;
import io.tradeguard.server.api.TradingStatus;
import io.tradeguard.server.auth.Principal;
import io.tradeguard.server.order.OrderIntent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The engine side of the server's interfaces, written by hand for tests: it records every call that
 * reaches it (so a test can assert that a refused request reached nothing), answers with canned values,
 * and publishes events on demand.
 */
public final class FakeEngine implements TradingApi, SafetyApi, ProtectionApi, SignalApi, EngineEvents {
    public static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    /** One call that reached the engine: the method's name, who called, and the argument. */
    public record Call(String method, Principal by, Object argument) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    /** The answer to the next place(); default: an accepted NEW order. */
    public volatile Function<OrderIntent, Outcome<OrderView>> placeAnswer = intent -> Outcome.done(orderOf(intent, "1"));
    /** Rounds previewed quantities to this many decimals, as an instrument's step would. */
    public volatile int quantityScale = 5;
    /** Rules a preview reports as failed. */
    public volatile List<RuleResult> failingRules = List.of();

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public void publish(EngineEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    private <T> T record(String method, Principal by, Object argument, T answer) {
        calls.add(new Call(method, by, argument));
        return answer;
    }

    public OrderView orderOf(OrderIntent intent, String id) {
        return new OrderView(id, intent.clientOrderId() != null ? intent.clientOrderId() : ClientOrderId.of("tg-" + ids.incrementAndGet()),
                intent.symbol(), intent.market(), intent.side(), intent.type() == null ? OrderType.LIMIT_MAKER : intent.type(),
                OrderStatus.NEW, intent.quantity() == null ? BigDecimal.ZERO : intent.quantity(), BigDecimal.ZERO,
                intent.price(), null, List.of(), OrderOrigin.MANUAL, T0, T0);
    }

    // ---- trading
    @Override
    public TradingStatus status() {
        return record("status", null, null, new TradingStatus(true, false, TradingMode.MANUAL, "sim", 0, 0, T0));
    }

    @Override
    public Outcome<TradingStatus> start(Principal by) {
        return record("start", by, null, Outcome.done(new TradingStatus(true, false, TradingMode.MANUAL, "sim", 0, 0, T0)));
    }

    @Override
    public Outcome<TradingStatus> stop(Principal by) {
        return record("stop", by, null, Outcome.done(new TradingStatus(false, false, TradingMode.MANUAL, "sim", 0, 0, T0)));
    }

    @Override
    public Outcome<OrderPreview> preview(Principal by, OrderIntent order) {
        OrderIntent rounded = order.quantity() == null ? order : new OrderIntent(order.kind(), order.market(), order.symbol(),
                order.side(), order.type(), order.timeInForce(), order.quantity().setScale(quantityScale, RoundingMode.DOWN),
                order.quoteQuantity(), order.price(), order.stopPrice(), order.stopLimitPrice(), order.trailingDelta(),
                order.callbackRate(), order.activationPrice(), order.leverage(), order.reduceOnly(), order.clientOrderId(),
                order.stopLoss(), order.takeProfit(), order.protection());
        List<RuleResult> rules = new ArrayList<>(failingRules);
        rules.add(new RuleResult("max_open_positions", true, "2 of 10 positions open", BigDecimal.TEN, BigDecimal.valueOf(2)));
        RiskVerdict verdict = new RiskVerdict(failingRules.isEmpty(), failingRules.isEmpty() ? 12 : 90, rules);
        return record("preview", by, order, Outcome.done(new OrderPreview(rounded,
                new FeeEstimate(new BigDecimal("0.05"), Asset.USDT, new BigDecimal("0.001")), verdict)));
    }

    @Override
    public Outcome<OrderView> place(Principal by, OrderIntent order) {
        return record("place", by, order, placeAnswer.apply(order));
    }

    @Override
    public Outcome<OrderView> cancel(Principal by, OrderRef order) {
        return record("cancel", by, order, new Outcome.NotFound<>("no open order " + order));
    }

    @Override
    public Outcome<OrderView> order(OrderRef order) {
        return record("order", null, order, new Outcome.NotFound<>("no order " + order));
    }

    @Override
    public Page<OrderView> orders(OrderQuery query) {
        return record("orders", null, query, new Page<>(List.of(), query.page(), query.size(), 0));
    }

    @Override
    public List<PositionView> positions() {
        return record("positions", null, null, List.of());
    }

    @Override
    public Outcome<OrderView> closePosition(Principal by, String positionId) {
        return record("closePosition", by, positionId, new Outcome.NotFound<>("no open position " + positionId));
    }

    @Override
    public Page<TradeView> trades(TradeQuery query) {
        return record("trades", null, query, new Page<>(List.of(), query.page(), query.size(), 0));
    }

    @Override
    public List<BalanceView> balances() {
        return record("balances", null, null, List.of(new BalanceView(Market.SPOT, Asset.USDT,
                new BigDecimal("10000.00000001"), new BigDecimal("0"))));
    }

    @Override
    public Outcome<EmergencyStopReport> emergencyStop(Principal by, String reason) {
        return record("emergencyStop", by, reason, Outcome.done(new EmergencyStopReport(0, 0, reason, T0)));
    }

    @Override
    public Outcome<TradingStatus> resetEmergencyStop(Principal by) {
        return record("resetEmergencyStop", by, null, Outcome.done(new TradingStatus(true, false, TradingMode.MANUAL, "sim", 0, 0, T0)));
    }

    @Override
    public List<ManualTradeView> manualTrades() {
        return record("manualTrades", null, null, List.of());
    }

    @Override
    public Outcome<LeverageSetting> setLeverage(Principal by, Symbol symbol, int leverage) {
        return record("setLeverage", by, leverage, Outcome.done(new LeverageSetting(symbol, leverage)));
    }

    @Override
    public Outcome<TradingMode> setMode(Principal by, TradingMode mode) {
        return record("setMode", by, mode, Outcome.done(mode));
    }

    // ---- safety
    private static SafetyConfiguration configuration0() {
        return new SafetyConfiguration(new BigDecimal("0.10"), new BigDecimal("0.05"), 3, new BigDecimal("100"),
                new BigDecimal("0.005"), new BigDecimal("0.30"));
    }

    @Override
    public RiskVerdict validate(Principal by, OrderIntent order) {
        return record("validate", by, order, new RiskVerdict(true, 10, List.of()));
    }

    @Override
    public SlippageVerdict checkSlippage(SlippageCheck check) {
        return record("checkSlippage", null, check, new SlippageVerdict(true, BigDecimal.ZERO, new BigDecimal("0.005"), "no slippage"));
    }

    @Override
    public Outcome<SafetyStatus> recordTrade(Principal by, TradeResult trade) {
        return record("recordTrade", by, trade, Outcome.done(safetyStatus0()));
    }

    private static SafetyStatus safetyStatus0() {
        return new SafetyStatus(false, null, BigDecimal.ZERO, 0, 0, T0, SafetyStatus.CircuitBreakerState.CLOSED, false, configuration0());
    }

    @Override
    public SafetyStatus safetyStatus() {
        return record("safetyStatus", null, null, safetyStatus0());
    }

    @Override
    public Outcome<SafetyStatus> resetKillSwitch(Principal by) {
        return record("resetKillSwitch", by, null, Outcome.done(safetyStatus0()));
    }

    @Override
    public SafetyConfiguration configuration() {
        return record("configuration", null, null, configuration0());
    }

    @Override
    public Outcome<SafetyConfiguration> updateConfiguration(Principal by, SafetyConfigurationPatch patch) {
        return record("updateConfiguration", by, patch, Outcome.done(configuration0()));
    }

    @Override
    public ComponentHealth safetyHealth() {
        return new ComponentHealth(ComponentHealth.Status.UP, "fake safety");
    }

    @Override
    public ComponentHealth protectionHealth() {
        return new ComponentHealth(ComponentHealth.Status.UP, "fake protection");
    }

    // ---- protection
    @Override
    public Outcome<ProtectionView> protect(Principal by, ProtectionRequest request) {
        return record("protect", by, request, new Outcome.NotFound<>("no open position of " + request.target().symbol()));
    }

    @Override
    public List<ProtectionView> checkTriggers(Principal by) {
        return record("checkTriggers", by, null, List.of());
    }

    @Override
    public Outcome<ProtectionView> remove(Principal by, String orderId) {
        return record("remove", by, orderId, new Outcome.NotFound<>("no protective order " + orderId));
    }

    @Override
    public List<ProtectionView> active() {
        return record("active", null, null, List.of());
    }

    @Override
    public MonitorStatus monitorStatus() {
        return record("monitorStatus", null, null, new MonitorStatus(true, 0, null));
    }

    @Override
    public Outcome<MonitorStatus> startMonitor(Principal by) {
        return record("startMonitor", by, null, Outcome.done(new MonitorStatus(true, 0, null)));
    }

    @Override
    public Outcome<MonitorStatus> stopMonitor(Principal by) {
        return record("stopMonitor", by, null, Outcome.done(new MonitorStatus(false, 0, null)));
    }

    // ---- signals
    @Override
    public Outcome<SignalDecision> submit(Principal by, Signal signal) {
        return record("submitSignal", by, signal, Outcome.done(new SignalDecision(signal, SignalDecision.Decision.IGNORED,
                "confidence below threshold", null, T0)));
    }

    @Override
    public List<SignalDecision> recent(int limit) {
        return record("recentSignals", null, limit, List.of());
    }

    // ---- events
    @Override
    public Subscription subscribe(Consumer<EngineEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
