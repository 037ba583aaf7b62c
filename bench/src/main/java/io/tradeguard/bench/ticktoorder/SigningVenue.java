package io.tradeguard.bench.ticktoorder;

import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.rest.RateGate;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.binance.rest.ServerClock;
import io.tradeguard.binance.spot.BinanceSpotRest;
import io.tradeguard.binance.spot.SpotOrderParams;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.Venue;
import io.tradeguard.core.venue.VenueEvent;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A spot venue whose {@link #submit} does what our Binance client does before the socket — wire parameters,
 * timestamp, recvWindow, HMAC-SHA256 signature, encoded body, the JDK {@link HttpRequest} — with the real
 * client code ({@link RestTransport#prepare}, {@link RestTransport#toHttp}), notes the time the request is
 * ready, and answers without any I/O: a limit order NEW, a market order EXPIRED. {@link #fillWhole} reports a fill, so the engine gets a position to protect.
 */
final class SigningVenue implements Venue {
    static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    private final RestTransport transport;
    private final AtomicLong ids = new AtomicLong();
    private final Map<ClientOrderId, OrderUpdate> accepted = new ConcurrentHashMap<>();
    private volatile Consumer<VenueEvent> stream;
    private volatile Consumer<VenueEvent> prices;
    private volatile Consumer<io.tradeguard.core.venue.OrderBook> books;
    private volatile long signedAtNanos;
    private volatile long submitCalledNanos;
    private volatile long signed;
    private volatile HttpRequest last;
    private volatile OrderRequest lastOrder;
    /** woken when a request is signed: a parked waiter leaves the 2 cores to the engine's threads */
    volatile Thread waiter;

    SigningVenue() {
        ServerClock clock = new ServerClock(InstantSource.system(), Duration.ofDays(1));
        clock.record(System.currentTimeMillis(), System.currentTimeMillis(), System.currentTimeMillis());
        transport = new RestTransport(URI.create("http://127.0.0.1:1"), RestTransport.defaultHttpClient(),
                ApiCredentials.hmac("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", SECRET),
                clock, new RateGate(clock, 0.9, Duration.ZERO, e -> { }), RestTransport.Settings.defaults(), null);
    }

    /** Posts a price tick the way the price stream does (the engine's subscription): into the engine's queue. */
    void pushPrice(VenueEvent.PriceTick tick) {
        Consumer<VenueEvent> to = prices;
        if (to == null) {
            throw new IllegalStateException("the engine has not subscribed to prices");
        }
        to.accept(tick);
    }

    OrderUpdate accepted(ClientOrderId id) {
        return accepted.get(id);
    }

    /** Reports the accepted order as filled in one trade, on the user stream (into the engine's queue). */
    void fillWhole(ClientOrderId id, BigDecimal price) {
        OrderUpdate o = accepted.get(id);
        Instant now = Instant.now();
        Fill fill = new Fill(ids.incrementAndGet(), price, o.quantity(), BigDecimal.ZERO, Asset.USDT, false, now);
        stream.accept(new VenueEvent.OrderUpdated(new OrderUpdate(o.market(), o.symbol(), o.venueOrderId(), id, o.side(),
                o.type(), o.timeInForce(), OrderStatus.FILLED, ExecutionType.TRADE, o.quantity(), o.price(), null,
                o.quantity(), o.quantity().multiply(price), fill, null, -1, false, now, now)));
    }

    /** An event on the user stream (into the engine's queue). */
    void pushUser(VenueEvent event) {
        stream.accept(event);
    }

    boolean pricesSubscribed() {
        return prices != null;
    }

    /** How many order requests were signed so far. */
    long signed() {
        return signed;
    }

    /** {@link System#nanoTime()} when the newest signed request was ready. */
    long signedAtNanos() {
        return signedAtNanos;
    }

    /** {@link System#nanoTime()} when the I/O worker called {@link #submit} for the newest request. */
    long submitCalledNanos() {
        return submitCalledNanos;
    }

    HttpRequest lastRequest() {
        return last;
    }

    OrderRequest lastOrder() {
        return lastOrder;
    }

    int acceptedCount() {
        return accepted.size();
    }

    @Override
    public SubmitResult submit(OrderRequest r) {
        submitCalledNanos = System.nanoTime();
        HttpRequest request = transport.toHttp(transport.prepare(BinanceSpotRest.NEW_ORDER, SpotOrderParams.newOrder(r), null));
        signedAtNanos = System.nanoTime();
        last = request;
        lastOrder = r;
        signed = signed + 1; // one writer: the engine's I/O worker
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
        Instant now = Instant.now();
        // a market exit expires unfilled (as on a venue without liquidity): the position stays for the next tick,
        // and no open order piles up in the engine between ticks
        boolean market = r.type() == io.tradeguard.core.model.OrderType.MARKET;
        OrderUpdate update = new OrderUpdate(r.market(), r.symbol(), ids.incrementAndGet(), r.clientOrderId(), r.side(),
                r.type(), r.timeInForce(), market ? OrderStatus.EXPIRED : OrderStatus.NEW,
                market ? ExecutionType.EXPIRED : ExecutionType.NEW, r.quantity(), r.price(), null,
                BigDecimal.ZERO, BigDecimal.ZERO, null, null, -1, false, now, now);
        accepted.put(r.clientOrderId(), update);
        return new SubmitResult.Accepted(update);
    }

    @Override
    public Market market() {
        return Market.SPOT;
    }

    @Override
    public Instant serverTime() {
        return Instant.now();
    }

    @Override
    public List<Instrument> instruments() {
        return List.of(new Instrument(BTCUSDT, Market.SPOT, Asset.of("BTC"), Asset.USDT,
                new Instrument.PriceFilter(new BigDecimal("0.01"), new BigDecimal("1000000"), new BigDecimal("0.01")),
                new Instrument.LotSize(new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("0.00001")),
                new Instrument.LotSize(BigDecimal.ZERO, new BigDecimal("9000"), BigDecimal.ZERO),
                new BigDecimal("5"), BigDecimal.ZERO, true, 200));
    }

    @Override
    public OrderUpdate cancel(Symbol symbol, ClientOrderId id) {
        OrderUpdate o = accepted.get(id);
        Instant now = Instant.now();
        return new OrderUpdate(o.market(), o.symbol(), o.venueOrderId(), id, o.side(), o.type(), o.timeInForce(),
                OrderStatus.CANCELED, ExecutionType.CANCELED, o.quantity(), o.price(), null, BigDecimal.ZERO,
                BigDecimal.ZERO, null, null, -1, false, now, now);
    }

    @Override
    public Optional<OrderUpdate> query(Symbol symbol, ClientOrderId id) {
        return Optional.ofNullable(accepted.get(id));
    }

    @Override
    public List<OrderUpdate> openOrders() {
        return List.copyOf(accepted.values());
    }

    @Override
    public List<Balance> balances() {
        return List.of(new Balance(Market.SPOT, Asset.of("BTC"), new BigDecimal("10"), BigDecimal.ZERO),
                new Balance(Market.SPOT, Asset.USDT, new BigDecimal("1000000"), BigDecimal.ZERO));
    }

    @Override
    public List<AccountTrade> trades(Symbol symbol, Instant since) {
        return List.of();
    }

    @Override
    public AutoCloseable subscribeUserData(Consumer<VenueEvent> listener) {
        stream = listener;
        return () -> { };
    }

    @Override
    public AutoCloseable subscribePrices(Collection<Symbol> symbols, Consumer<VenueEvent> listener) {
        prices = listener;
        return () -> { };
    }

    @Override
    public Optional<io.tradeguard.core.venue.CommissionRates> commissionRates(Symbol symbol) {
        return Optional.empty(); // the guards then estimate fees at the default 0.1 %
    }

    /** The benchmark's exit is one market order; it has no order lists. */
    @Override
    public boolean supportsOco() {
        return false;
    }

    @Override
    public io.tradeguard.core.venue.OcoResult submitOco(io.tradeguard.core.venue.OcoRequest request) {
        return io.tradeguard.core.venue.OcoResult.unsupported(this);
    }

    @Override
    public Optional<AutoCloseable> subscribeBooks(Collection<Symbol> symbols, Consumer<io.tradeguard.core.venue.OrderBook> listener) {
        books = listener;
        return Optional.of(() -> { });
    }

    /** A depth update on the book stream (the guards' slippage rule reads it); false before the guards subscribed. */
    boolean pushBook(io.tradeguard.core.venue.OrderBook book) {
        Consumer<io.tradeguard.core.venue.OrderBook> to = books;
        if (to == null) {
            return false;
        }
        to.accept(book);
        return true;
    }

    @Override
    public void close() {
    }
}
