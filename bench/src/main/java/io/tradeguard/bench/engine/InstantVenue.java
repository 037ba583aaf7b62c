package io.tradeguard.bench.engine;

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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A venue that answers at once and keeps nothing but the accepted orders: the benchmark measures the
 * engine, not a network. Execution reports are pushed by the benchmark through {@link #push}.
 */
final class InstantVenue implements Venue {
    static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

    private final AtomicLong ids = new AtomicLong();
    private final Map<ClientOrderId, OrderUpdate> accepted = new ConcurrentHashMap<>();
    private volatile Consumer<VenueEvent> stream;

    void push(VenueEvent event) {
        stream.accept(event);
    }

    OrderUpdate accepted(ClientOrderId id) {
        return accepted.get(id);
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

    /** The benchmark assumes the standard rate. */
    @Override
    public java.util.Optional<io.tradeguard.core.venue.CommissionRates> commissionRates(io.tradeguard.core.model.Symbol symbol) {
        return java.util.Optional.empty();
    }

    /** The benchmark measures single orders; it has no order lists. */
    @Override
    public boolean supportsOco() {
        return false;
    }

    @Override
    public io.tradeguard.core.venue.OcoResult submitOco(io.tradeguard.core.venue.OcoRequest request) {
        return io.tradeguard.core.venue.OcoResult.unsupported(this);
    }

    @Override
    public SubmitResult submit(OrderRequest r) {
        Instant now = Instant.now();
        OrderUpdate update = new OrderUpdate(r.market(), r.symbol(), ids.incrementAndGet(), r.clientOrderId(), r.side(),
                r.type(), r.timeInForce(), OrderStatus.NEW, ExecutionType.NEW, r.quantity(), r.price(), null,
                BigDecimal.ZERO, BigDecimal.ZERO, null, null, -1, false, now, now);
        accepted.put(r.clientOrderId(), update);
        return new SubmitResult.Accepted(update);
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
        return List.of();
    }

    @Override
    public List<Balance> balances() {
        return List.of();
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
        return () -> { };
    }

    @Override
    public java.util.Optional<AutoCloseable> subscribeBooks(java.util.Collection<io.tradeguard.core.model.Symbol> symbols,
            java.util.function.Consumer<io.tradeguard.core.venue.OrderBook> listener) {
        return java.util.Optional.empty(); // the benchmark places limit orders only
    }

    @Override
    public void close() {
    }
}
