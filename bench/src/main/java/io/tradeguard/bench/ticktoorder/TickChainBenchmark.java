package io.tradeguard.bench.ticktoorder;

import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.rest.RateGate;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.binance.rest.ServerClock;
import io.tradeguard.binance.spot.BinanceSpotRest;
import io.tradeguard.binance.spot.SpotOrderParams;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.protection.PriceTrigger;
import io.tradeguard.core.protection.TrailingStop;
import io.tradeguard.core.protection.TriggerBook;
import io.tradeguard.core.protection.TriggerFired;
import io.tradeguard.core.risk.BookLevel;
import io.tradeguard.core.risk.Limit;
import io.tradeguard.core.risk.OpenPosition;
import io.tradeguard.core.risk.OrderBookView;
import io.tradeguard.core.risk.Origin;
import io.tradeguard.core.risk.Portfolio;
import io.tradeguard.core.risk.ProposedOrder;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.risk.RiskContext;
import io.tradeguard.core.risk.RiskEngine;
import io.tradeguard.core.risk.RiskVerdict;
import io.tradeguard.core.safety.CircuitBreaker;
import io.tradeguard.core.safety.CircuitBreakerState;
import io.tradeguard.core.safety.EmergencyStop;
import io.tradeguard.core.safety.EmergencyStopState;
import io.tradeguard.core.safety.KillSwitch;
import io.tradeguard.core.safety.KillSwitchState;
import io.tradeguard.core.safety.SafetyGate;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.VenueEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tick to order, from the real components in the order the engine path runs them: a {@code PriceTick}
 * venue event → the local trigger book (a bracket and a trailing stop on BTCUSDT, 50 stops on other
 * symbols) → the trailing stop fires and builds its market exit → the full pre-trade risk rule set (10 open
 * positions) → the safety gates (emergency stop, kill switch, circuit breaker) → the Binance client's
 * request preparation (wire parameters, timestamp, recvWindow, HMAC signature, encoded body) → the JDK
 * {@link HttpRequest} handed to the socket. SampleTime gives p50/p99/p99.9.
 *
 * <p>This is the chain the components form on one thread, without the engine's queue and its thread hand-offs;
 * {@link TickToOrderBenchmark} measures the same path through the running engine. The difference between the
 * two is what the queues and threads cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TickChainBenchmark {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final BigDecimal HIGH = new BigDecimal("50000.00");
    private static final BigDecimal PULLBACK = new BigDecimal("48400.00");
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    private TriggerBook book;
    private Instrument instrument;
    private RiskEngine risk;
    private RiskContext context;
    private EmergencyStop halt;
    private KillSwitch killSwitch;
    private CircuitBreaker breaker;
    private RestTransport transport;
    private long ids;

    @Setup(Level.Trial)
    public void components() {
        instrument = new Instrument(BTC, Market.SPOT, Asset.of("BTC"), Asset.USDT,
                new Instrument.PriceFilter(new BigDecimal("0.01"), new BigDecimal("1000000"), new BigDecimal("0.01")),
                new Instrument.LotSize(new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("0.00001")),
                new Instrument.LotSize(BigDecimal.ZERO, new BigDecimal("9000"), BigDecimal.ZERO),
                new BigDecimal("5"), BigDecimal.ZERO, true, 200);
        RiskConfig config = RiskConfig.defaults().with(Limit.MAX_OPEN_POSITIONS, BigDecimal.valueOf(200))
                .with(Limit.MAX_PORTFOLIO_HEAT, BigDecimal.ONE).with(Limit.DAILY_LOSS_LIMIT_PCT, BigDecimal.ONE);
        risk = new RiskEngine(config);
        List<OpenPosition> open = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            BigDecimal entry = new BigDecimal("100.25").add(BigDecimal.valueOf(i % 7));
            open.add(new OpenPosition(Market.FUTURES, Symbol.of("S" + i + "USDT"), Side.BUY, new BigDecimal("0.125"),
                    entry, entry.add(new BigDecimal("0.5")), entry.subtract(new BigDecimal("2.5")), 5));
        }
        List<BookLevel> asks = new ArrayList<>();
        List<BookLevel> bids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            asks.add(new BookLevel(PULLBACK.add(BigDecimal.valueOf(i + 1, 2)), new BigDecimal("3")));
            bids.add(new BookLevel(PULLBACK.subtract(BigDecimal.valueOf(i, 2)), new BigDecimal("3")));
        }
        context = new RiskContext(Instant.EPOCH, new BigDecimal("100000"), new BigDecimal("100000"), new BigDecimal("80000.5"),
                new BigDecimal("0.001"), Portfolio.of(open), new BigDecimal("-42.17"), 1, PULLBACK,
                new OrderBookView(bids, asks));
        halt = new EmergencyStop(3, EmergencyStopState.none());
        killSwitch = new KillSwitch(config, KillSwitchState.fresh(new BigDecimal("100000"), Instant.EPOCH));
        breaker = new CircuitBreaker(5, Duration.ofSeconds(30), CircuitBreakerState.closed());
        ServerClock clock = new ServerClock(InstantSource.system(), Duration.ofDays(1));
        clock.record(System.currentTimeMillis(), System.currentTimeMillis(), System.currentTimeMillis());
        transport = new RestTransport(URI.create("http://127.0.0.1:1"), RestTransport.defaultHttpClient(),
                ApiCredentials.hmac("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", SECRET),
                clock, new RateGate(clock, 0.9, Duration.ZERO, e -> { }), RestTransport.Settings.defaults(), null);
        armed();
        if (chainOnOneThread() == null) {
            throw new IllegalStateException("the chain did not produce a request");
        }
    }

    /** A fresh book before every tick: the trailing stop fires once and leaves the book. */
    @Setup(Level.Invocation)
    public void armed() {
        book = new TriggerBook();
        for (int i = 0; i < 50; i++) {
            book.add(new PriceTrigger("o" + i, Market.SPOT, Symbol.of("S" + i + "USDT"), Side.SELL, BigDecimal.ONE,
                    PriceTrigger.Kind.STOP_LOSS, new BigDecimal("10"), null));
        }
        book.add(new PriceTrigger("sl", Market.SPOT, BTC, Side.SELL, new BigDecimal("0.01"), PriceTrigger.Kind.STOP_LOSS,
                new BigDecimal("45000"), "b"));
        book.add(new PriceTrigger("tp", Market.SPOT, BTC, Side.SELL, new BigDecimal("0.01"), PriceTrigger.Kind.TAKE_PROFIT,
                new BigDecimal("60000"), "b"));
        book.add(TrailingStop.start("trail", Market.SPOT, BTC, Side.SELL, new BigDecimal("0.01"), 300, null, null));
        book.onTick(Market.SPOT, BTC, HIGH, Instant.EPOCH);
    }

    @Benchmark
    public HttpRequest chainOnOneThread() {
        Instant now = Instant.now();
        VenueEvent.PriceTick tick = new VenueEvent.PriceTick(Market.SPOT, BTC, PULLBACK, false, now, now);
        List<TriggerFired> fired = book.onTick(tick.market(), tick.symbol(), tick.price(), tick.receivedAt());
        OrderRequest exit = fired.get(0).exitOrder(ClientOrderId.of("tg-x-" + (++ids)));
        ProposedOrder proposed = ProposedOrder.of(exit, instrument, 1, null, Origin.PROTECTION, true);
        RiskVerdict verdict = risk.check(proposed, context);
        if (!verdict.approved()) {
            throw new IllegalStateException("risk refused the exit: " + verdict.summary());
        }
        if (!(SafetyGate.admit(proposed, halt, killSwitch, breaker, now) instanceof SafetyGate.Decision.Pass)) {
            throw new IllegalStateException("the safety gates held back the exit");
        }
        return transport.toHttp(transport.prepare(BinanceSpotRest.NEW_ORDER, SpotOrderParams.newOrder(exit), null));
    }
}
