package io.tradeguard.app.crash;

import io.tradeguard.binance.BinanceEndpoints;
import io.tradeguard.binance.SpotVenueConfig;
import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.binance.stream.Backoff;
import io.tradeguard.binance.stream.ReconnectingSocket;
import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.engine.EngineSettings;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.pretrade.AllowAllGate;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.Venue;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;
import io.tradeguard.store.Database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The engine as a process of its own, for the crash tests: the real Binance client against the
 * simulator of the parent JVM, the journal in the database given. Talks in lines: commands on stdin,
 * answers and every durable event on stdout, each prefixed {@value #PREFIX} (anything else on stdout is
 * log noise and ignored by the parent).
 *
 * <p>Arguments: {@code restBase wsBase apiKey secret jdbcUrl dbUser dbPassword crashPoint}, crash point
 * {@code none}, {@code before-send} or {@code after-send}. A crash point holds the first order request
 * forever, right before it goes to the exchange (its intent is already journaled: the engine releases
 * a request only once its write-ahead event is durable) or right after the exchange accepted it (before
 * the engine sees the answer, which the user stream's report of it does not reach either), and says so
 * on stdout; the parent then kills the process.
 */
public final class EngineProcessMain {
    static final String PREFIX = "TG> ";
    private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

    private EngineProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        String restBase = args[0];
        String wsBase = args[1];
        String crashPoint = args[7];
        SpotVenueConfig config = SpotVenueConfig.of(BinanceEndpoints.compatible("sim", restBase, wsBase),
                        ApiCredentials.hmac(args[2], args[3]))
                .withRest(new RestTransport.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), 3,
                        Duration.ofMillis(50), Duration.ofMillis(400)))
                .withStreams(new ReconnectingSocket.Settings(new Backoff(Duration.ofMillis(100), Duration.ofMillis(500)),
                        Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(15)));
        Venue venue = new CrashingVenue(BinanceSpotVenue.connect(config), crashPoint);
        Database database = Database.open(args[4], "-".equals(args[5]) ? null : args[5], "-".equals(args[6]) ? null : args[6]);
        // unknownGrace (8 s) exceeds the client's recvWindow (2 s): after it, "the exchange never had it" is
        // final; it also outlasts a restart, so an order in doubt is still in doubt when the engine is back.
        // Periodic reconciliation is far away: what a restart fixes, the start sequence and the timer fix.
        EngineSettings settings = new EngineSettings("TG", Market.SPOT, Asset.USDT, false, Duration.ofMinutes(30),
                Duration.ofSeconds(8), Duration.ofMillis(300), Duration.ofDays(1), Duration.ofSeconds(20),
                Duration.ofSeconds(5), Duration.ofMillis(200));
        Engine engine = Engine.builder(venue, database.journal())
                .settings(settings)
                .gates(List.of(new AllowAllGate(PreTradeGate.Stage.RISK)))
                .listener(EngineProcessMain::event)
                .build();
        engine.start();
        say("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.trim().split(" ");
            switch (w[0]) {
                case "PLACE" -> place(engine, w);
                case "CANCEL" -> answer(engine.submit(new Command.CancelOrder(ClientOrderId.of(w[1]), "test")).get(10, TimeUnit.SECONDS));
                case "POSITION" -> {
                    TradingSnapshot s = engine.snapshot().get(10, TimeUnit.SECONDS);
                    say("POSITION " + s.position(Market.SPOT, BTCUSDT).map(p -> p.quantity().toPlainString()).orElse("0"));
                }
                case "OPEN" -> {
                    TradingSnapshot s = engine.snapshot().get(10, TimeUnit.SECONDS);
                    StringBuilder b = new StringBuilder("OPEN");
                    s.orders().forEach(o -> b.append(' ').append(o.clientOrderId().value()).append('=').append(o.status()));
                    say(b.toString());
                }
                case "STOP" -> {
                    engine.stop("test over");
                    venue.close();
                    database.close();
                    say("STOPPED");
                    System.exit(0);
                }
                default -> say("ERROR unknown command " + line);
            }
        }
    }

    private static void place(Engine engine, String[] w) throws Exception {
        Side side = Side.valueOf(w[1]);
        BigDecimal quantity = new BigDecimal(w[3]);
        OrderIntent intent = switch (w[2]) {
            case "MARKET" -> OrderIntent.market(Market.SPOT, BTCUSDT, side, quantity, OrderOrigin.MANUAL);
            case "LIMIT" -> OrderIntent.limit(Market.SPOT, BTCUSDT, side, quantity, new BigDecimal(w[4]), OrderOrigin.MANUAL);
            default -> throw new IllegalArgumentException("order type " + w[2]);
        };
        answer(engine.submit(new Command.PlaceOrder(intent)).get(10, TimeUnit.SECONDS));
    }

    private static void answer(CommandResult result) {
        switch (result) {
            case CommandResult.Accepted a -> say("ACCEPTED " + String.join(" ", a.orders().stream().map(ClientOrderId::value).toList()));
            case CommandResult.Rejected r -> say("REJECTED " + String.join("; ", r.reasons()));
        }
    }

    /** Every durable event: sequence, type and the order it is about. */
    private static void event(JournalEntry entry) {
        String order = switch (entry.event()) {
            case DomainEvent.OrderSubmitted e -> e.order().clientOrderId().value();
            case DomainEvent.OrderPlaced e -> e.order().clientOrderId().value();
            case DomainEvent.OrderPartiallyFilled e -> e.order().clientOrderId().value();
            case DomainEvent.OrderFilled e -> e.order().clientOrderId().value();
            case DomainEvent.OrderCancelled e -> e.order().clientOrderId().value();
            case DomainEvent.OrderRejected e -> e.order().clientOrderId().value();
            case DomainEvent.OrderUpdated e -> e.order().clientOrderId().value();
            default -> "-";
        };
        say("EVENT " + entry.sequence() + " " + entry.event().getClass().getSimpleName() + " " + order);
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println(PREFIX + line);
            System.out.flush();
        }
    }

    private static void quietLogging() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** The real venue, with the test's crash point on the first order request. */
    private static final class CrashingVenue implements Venue {
        private final Venue venue;
        private final String crashPoint;
        private final AtomicBoolean armed;
        /** Set at a crash point: the process stands still, nothing more reaches the engine. */
        private volatile boolean frozen;

        CrashingVenue(Venue venue, String crashPoint) {
            this.venue = venue;
            this.crashPoint = crashPoint;
            this.armed = new AtomicBoolean(!"none".equals(crashPoint));
        }

        @Override
        public SubmitResult submit(OrderRequest request) {
            boolean crash = armed.getAndSet(false);
            if (crash && "before-send".equals(crashPoint)) {
                say("CRASHPOINT before-send " + request.clientOrderId().value());
                holdForever();
            }
            if (crash && "after-send".equals(crashPoint)) {
                frozen = true; // neither the answer nor the stream's report of this order may reach the engine
            }
            SubmitResult result = venue.submit(request);
            if (crash && "after-send".equals(crashPoint)) {
                say("CRASHPOINT after-send " + request.clientOrderId().value() + " " + result.getClass().getSimpleName());
                holdForever();
            }
            return result;
        }

        @Override
        public java.util.Optional<io.tradeguard.core.venue.CommissionRates> commissionRates(io.tradeguard.core.model.Symbol symbol)
                throws io.tradeguard.core.venue.VenueException {
            return venue.commissionRates(symbol);
        }

        @Override
        public boolean supportsOco() {
            return venue.supportsOco();
        }

        @Override
        public io.tradeguard.core.venue.OcoResult submitOco(io.tradeguard.core.venue.OcoRequest request) {
            return venue.submitOco(request);
        }

        private static void holdForever() {
            while (true) {
                LockSupport.park(); // until the parent's SIGKILL
            }
        }

        @Override
        public Market market() {
            return venue.market();
        }

        @Override
        public Instant serverTime() throws VenueException {
            return venue.serverTime();
        }

        @Override
        public List<Instrument> instruments() throws VenueException {
            return venue.instruments();
        }

        @Override
        public OrderUpdate cancel(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
            return venue.cancel(symbol, clientOrderId);
        }

        @Override
        public Optional<OrderUpdate> query(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
            return venue.query(symbol, clientOrderId);
        }

        @Override
        public List<OrderUpdate> openOrders() throws VenueException {
            return venue.openOrders();
        }

        @Override
        public List<Balance> balances() throws VenueException {
            return venue.balances();
        }

        @Override
        public List<AccountTrade> trades(Symbol symbol, Instant since) throws VenueException {
            return venue.trades(symbol, since);
        }

        @Override
        public AutoCloseable subscribeUserData(Consumer<VenueEvent> listener) throws VenueException {
            return venue.subscribeUserData(event -> {
                if (!frozen) {
                    listener.accept(event);
                }
            });
        }

        @Override
        public AutoCloseable subscribePrices(Collection<Symbol> symbols, Consumer<VenueEvent> listener) throws VenueException {
            return venue.subscribePrices(symbols, event -> {
                if (!frozen) {
                    listener.accept(event);
                }
            });
        }

        @Override
        public java.util.Optional<AutoCloseable> subscribeBooks(java.util.Collection<io.tradeguard.core.model.Symbol> symbols,
                java.util.function.Consumer<io.tradeguard.core.venue.OrderBook> listener) throws io.tradeguard.core.venue.VenueException {
            return venue.subscribeBooks(symbols, listener);
        }

        @Override
        public void close() {
            venue.close();
        }
    }
}
