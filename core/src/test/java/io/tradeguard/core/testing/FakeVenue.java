package io.tradeguard.core.testing;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.Venue;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A venue written for tests: records every call, answers as scripted, and by default behaves like an
 * exchange that accepts every order as NEW and keeps it open until cancelled.
 */
public final class FakeVenue implements Venue {

    public record Call(String method, Object argument) {
    }

    private final InstantSource clock;
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Function<OrderRequest, SubmitResult>> submitScript = new ArrayDeque<>();
    private final Map<ClientOrderId, OrderUpdate> orders = new HashMap<>();
    private final List<Balance> balances = new ArrayList<>();
    private final List<AccountTrade> trades = new ArrayList<>();
    private final AtomicLong venueIds = new AtomicLong(1000);
    private volatile Consumer<VenueEvent> userData;
    private volatile Consumer<VenueEvent> prices;
    private volatile Consumer<OrderRequest> beforeSubmit = r -> { };

    private volatile Consumer<io.tradeguard.core.venue.OrderBook> books;
    private volatile boolean oco;
    private final Deque<Function<io.tradeguard.core.venue.OcoRequest, io.tradeguard.core.venue.OcoResult>> ocoScript = new ArrayDeque<>();

    public FakeVenue(InstantSource clock) {
        this.clock = clock;
    }

    public static Instrument btcusdt() {
        return new Instrument(Reports.BTCUSDT, Market.SPOT, Reports.BTC, Asset.USDT,
                new Instrument.PriceFilter(new BigDecimal("0.01"), new BigDecimal("1000000"), new BigDecimal("0.01")),
                new Instrument.LotSize(new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("0.00001")),
                new Instrument.LotSize(BigDecimal.ZERO, new BigDecimal("9000"), BigDecimal.ZERO),
                new BigDecimal("5"), BigDecimal.ZERO, true, 200);
    }

    // ---- scripting

    /** From now on this venue places OCO lists (off by default: a venue without them, protected locally). */
    public void enableOco() {
        this.oco = true;
    }

    /** The next submitOco answers with this (instead of placing both legs as NEW). */
    public synchronized void scriptOco(Function<io.tradeguard.core.venue.OcoRequest, io.tradeguard.core.venue.OcoResult> answer) {
        ocoScript.add(answer);
    }

    public synchronized List<io.tradeguard.core.venue.OcoRequest> ocos() {
        return calls.stream().filter(c -> c.method().equals("submitOco"))
                .map(c -> (io.tradeguard.core.venue.OcoRequest) c.argument()).toList();
    }

    /** The next submit answers with this (instead of accepting the order as NEW). */
    public synchronized void scriptSubmit(Function<OrderRequest, SubmitResult> answer) {
        submitScript.add(answer);
    }

    /** Runs inside submit, before anything is answered: lets a test look at the journal at send time. */
    public void beforeSubmit(Consumer<OrderRequest> check) {
        this.beforeSubmit = check;
    }

    public synchronized void putOrder(OrderUpdate order) {
        orders.put(order.clientOrderId(), order);
    }

    public synchronized void removeOrder(ClientOrderId id) {
        orders.remove(id);
    }

    public synchronized void setBalance(Asset asset, String free, String locked) {
        balances.removeIf(b -> b.asset().equals(asset));
        balances.add(new Balance(Market.SPOT, asset, new BigDecimal(free), new BigDecimal(locked)));
    }

    public synchronized void addTrade(AccountTrade trade) {
        trades.add(trade);
    }

    /** Pushes an event down the user stream, as the adapter would. */
    public void emit(VenueEvent event) {
        Consumer<VenueEvent> listener = userData;
        if (listener == null) {
            throw new IllegalStateException("nobody subscribed to the user stream");
        }
        listener.accept(event);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<OrderRequest> submitted() {
        return calls.stream().filter(c -> c.method().equals("submit")).map(c -> (OrderRequest) c.argument()).toList();
    }

    public synchronized long count(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).count();
    }

    // ---- the port

    @Override
    public Market market() {
        return Market.SPOT;
    }

    @Override
    public Instant serverTime() {
        return clock.instant();
    }

    @Override
    public List<Instrument> instruments() {
        record("instruments", null);
        return List.of(btcusdt());
    }

    @Override
    public SubmitResult submit(OrderRequest request) {
        beforeSubmit.accept(request);
        Function<OrderRequest, SubmitResult> scripted;
        synchronized (this) {
            calls.add(new Call("submit", request));
            scripted = submitScript.poll();
        }
        if (scripted != null) {
            return scripted.apply(request);
        }
        OrderUpdate placed = new OrderUpdate(request.market(), request.symbol(), venueIds.incrementAndGet(),
                request.clientOrderId(), request.side(), request.type(), request.timeInForce(), OrderStatus.NEW,
                ExecutionType.NEW, request.quantity(), request.price(), request.stopPrice(), BigDecimal.ZERO,
                BigDecimal.ZERO, null, null, -1, request.reduceOnly(), clock.instant(), clock.instant());
        putOrder(placed);
        return new SubmitResult.Accepted(placed);
    }

    private volatile io.tradeguard.core.venue.CommissionRates commission;

    /** The rates commissionRates answers from now on (empty before: the venue does not say). */
    public void commission(String maker, String taker) {
        this.commission = new io.tradeguard.core.venue.CommissionRates(new BigDecimal(maker), new BigDecimal(taker));
    }

    @Override
    public Optional<io.tradeguard.core.venue.CommissionRates> commissionRates(Symbol symbol) {
        record("commissionRates", symbol);
        return Optional.ofNullable(commission);
    }

    @Override
    public boolean supportsOco() {
        return oco;
    }

    @Override
    public io.tradeguard.core.venue.OcoResult submitOco(io.tradeguard.core.venue.OcoRequest request) {
        Function<io.tradeguard.core.venue.OcoRequest, io.tradeguard.core.venue.OcoResult> scripted;
        synchronized (this) {
            calls.add(new Call("submitOco", request));
            scripted = ocoScript.poll();
        }
        if (scripted != null) {
            return scripted.apply(request);
        }
        if (!oco) {
            return io.tradeguard.core.venue.OcoResult.unsupported(this);
        }
        return acceptOco(request);
    }

    /** What an exchange with OCO lists answers: both legs NEW (for scripts that look first, then accept). */
    public io.tradeguard.core.venue.OcoResult acceptOco(io.tradeguard.core.venue.OcoRequest request) {
        long listId = venueIds.incrementAndGet();
        List<OrderUpdate> legs = new ArrayList<>();
        for (var leg : List.of(request.below(), request.above())) {
            OrderUpdate placed = new OrderUpdate(Market.SPOT, request.symbol(), venueIds.incrementAndGet(),
                    leg.clientOrderId(), request.side(), leg.type(), leg.timeInForce(), OrderStatus.NEW,
                    ExecutionType.NEW, request.quantity(), leg.price(), leg.stopPrice(), BigDecimal.ZERO,
                    BigDecimal.ZERO, null, null, listId, false, clock.instant(), clock.instant());
            putOrder(placed);
            legs.add(placed);
        }
        return new io.tradeguard.core.venue.OcoResult.Placed(new io.tradeguard.core.venue.OrderListReport(request.symbol(),
                listId, request.listClientOrderId().value(), "EXEC_STARTED", "EXECUTING", legs));
    }

    @Override
    public synchronized OrderUpdate cancel(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        record("cancel", clientOrderId);
        OrderUpdate order = orders.get(clientOrderId);
        if (order == null) {
            throw new VenueException(new io.tradeguard.core.venue.VenueError(
                    io.tradeguard.core.venue.VenueError.Kind.REJECTED, -2011, 400, "Unknown order sent.", null));
        }
        OrderUpdate cancelled = new OrderUpdate(order.market(), order.symbol(), order.venueOrderId(),
                order.clientOrderId(), order.side(), order.type(), order.timeInForce(), OrderStatus.CANCELED,
                ExecutionType.CANCELED, order.quantity(), order.price(), order.stopPrice(), order.filledQuantity(),
                order.cumulativeQuote(), null, null, -1, order.reduceOnly(), clock.instant(), clock.instant());
        orders.put(clientOrderId, cancelled);
        return cancelled;
    }

    @Override
    public synchronized Optional<OrderUpdate> query(Symbol symbol, ClientOrderId clientOrderId) {
        record("query", clientOrderId);
        return Optional.ofNullable(orders.get(clientOrderId));
    }

    @Override
    public synchronized List<OrderUpdate> openOrders() {
        record("openOrders", null);
        return orders.values().stream().filter(o -> o.status().isOpen()).toList();
    }

    @Override
    public synchronized List<Balance> balances() {
        record("balances", null);
        return List.copyOf(balances);
    }

    @Override
    public synchronized List<AccountTrade> trades(Symbol symbol, Instant since) {
        record("trades", symbol);
        return trades.stream().filter(t -> t.symbol().equals(symbol) && !t.fill().time().isBefore(since)).toList();
    }

    @Override
    public AutoCloseable subscribeUserData(Consumer<VenueEvent> listener) {
        record("subscribeUserData", null);
        userData = listener;
        return () -> userData = null;
    }

    @Override
    public AutoCloseable subscribePrices(Collection<Symbol> symbols, Consumer<VenueEvent> listener) {
        record("subscribePrices", java.util.Set.copyOf(symbols));
        prices = listener;
        return () -> { };
    }

    @Override
    public Optional<AutoCloseable> subscribeBooks(Collection<Symbol> symbols, Consumer<io.tradeguard.core.venue.OrderBook> listener) {
        record("subscribeBooks", java.util.Set.copyOf(symbols));
        books = listener;
        return Optional.of(() -> books = null);
    }

    /** Pushes a best bid and ask down the current book subscription. */
    public void book(Symbol symbol, String bid, String bidQuantity, String ask, String askQuantity) {
        Consumer<io.tradeguard.core.venue.OrderBook> listener = books;
        if (listener == null) {
            throw new IllegalStateException("nobody subscribed to books");
        }
        listener.accept(new io.tradeguard.core.venue.OrderBook(symbol, 0,
                List.of(new io.tradeguard.core.venue.OrderBook.Level(new BigDecimal(bid), new BigDecimal(bidQuantity))),
                List.of(new io.tradeguard.core.venue.OrderBook.Level(new BigDecimal(ask), new BigDecimal(askQuantity)))));
    }

    /** Pushes a price tick down the current price subscription. */
    public void tick(Symbol symbol, String price) {
        Consumer<VenueEvent> listener = prices;
        if (listener == null) {
            throw new IllegalStateException("nobody subscribed to prices");
        }
        listener.accept(new VenueEvent.PriceTick(Market.SPOT, symbol, new BigDecimal(price), false, clock.instant(), clock.instant()));
    }

    @Override
    public void close() {
    }

    private synchronized void record(String method, Object argument) {
        calls.add(new Call(method, argument));
    }
}
