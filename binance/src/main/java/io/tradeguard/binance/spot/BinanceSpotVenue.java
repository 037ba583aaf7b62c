package io.tradeguard.binance.spot;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.binance.SpotVenueConfig;
import io.tradeguard.binance.rest.BinanceErrors;
import io.tradeguard.binance.rest.BlockingHttp;
import io.tradeguard.binance.rest.Params;
import io.tradeguard.binance.rest.RateGate;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.binance.rest.ServerClock;
import io.tradeguard.binance.stream.ReconnectingSocket;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.BookTicker;
import io.tradeguard.core.venue.Candle;
import io.tradeguard.core.venue.OcoRequest;
import io.tradeguard.core.venue.OrderBook;
import io.tradeguard.core.venue.OrderListReport;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.Venue;
import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueError.Kind;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Binance spot as a {@link Venue}: composes the raw {@link BinanceSpotRest} and the streams, gives them
 * meaning in core types, and holds the rules that protect money. An order POST is never sent twice; when
 * its answer is lost {@link OrderDoubts} looks the order up by its clientOrderId.
 */
public final class BinanceSpotVenue implements Venue {
    private static final Logger log = LoggerFactory.getLogger(BinanceSpotVenue.class);

    private final SpotVenueConfig config;
    private final HttpClient http;           // WebSocket streams
    private final BlockingHttp restHttp;     // REST, on the caller's thread
    private final RestTransport transport;
    private final BinanceSpotRest rest;
    private final OrderDoubts doubts;
    private final List<Consumer<VenueEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> streams = new CopyOnWriteArrayList<>();
    private final SpotCaches caches;

    private BinanceSpotVenue(SpotVenueConfig config, HttpClient http, BlockingHttp restHttp) {
        this.config = config;
        this.http = http;
        this.restHttp = restHttp;
        ServerClock clock = new ServerClock(config.clock(), config.clockSyncEvery());
        RateGate gate = new RateGate(clock, config.rateHeadroom(), config.maxThrottleWait(), this::publish);
        this.transport = new RestTransport(config.endpoints().rest(), restHttp, config.credentials(), clock, gate,
                config.rest(), config.observer());
        this.rest = new BinanceSpotRest(transport);
        this.caches = new SpotCaches(config.clock(), config.queryCacheTtl(), config.balanceCacheTtl(), config.instrumentsTtl());
        this.doubts = new OrderDoubts(clock, config.rest().recvWindow(), this::queryFresh);
    }

    /** Builds the venue, synchronises the clock and loads the instruments (and the rate limits) once. */
    public static BinanceSpotVenue connect(SpotVenueConfig config) throws VenueException {
        BinanceSpotVenue venue = new BinanceSpotVenue(config, RestTransport.defaultHttpClient(), BlockingHttp.create());
        try {
            venue.transport.syncTime();
            venue.instruments();
            return venue;
        } catch (VenueException | RuntimeException e) {
            venue.close();
            throw e;
        }
    }

    /** The raw endpoints, for callers that need an answer this class does not interpret. */
    public BinanceSpotRest rest() {
        return rest;
    }

    @Override
    public Market market() {
        return Market.SPOT;
    }

    @Override
    public Instant serverTime() throws VenueException {
        if (transport.clock().isStale()) {
            transport.syncTime();
        }
        return transport.clock().now();
    }

    /** Forces a clock measurement now. */
    public void syncTime() throws VenueException {
        transport.syncTime();
    }

    // ---------------------------------------------------------------- market data

    @Override
    public List<Instrument> instruments() throws VenueException {
        return List.copyOf(instrumentMap(false).values());
    }

    /** The symbol's filters; exchangeInfo is reloaded once when the symbol is not known yet. */
    public Optional<Instrument> instrument(Symbol symbol) throws VenueException {
        Instrument known = instrumentMap(false).get(symbol);
        return known != null ? Optional.of(known) : Optional.ofNullable(instrumentMap(true).get(symbol));
    }

    private Map<Symbol, Instrument> instrumentMap(boolean reload) throws VenueException {
        Optional<Map<Symbol, Instrument>> cached = caches.instruments();
        if (!reload && cached.isPresent()) {
            return cached.get();
        }
        JsonNode info = rest.exchangeInfo();
        Map<Symbol, Instrument> map = parsed(() -> {
            Map<Symbol, Instrument> out = new LinkedHashMap<>();
            for (JsonNode symbol : info.path("symbols")) {
                if (SpotParsers.isTrading(symbol)) {
                    Instrument instrument = SpotParsers.instrument(symbol);
                    out.put(instrument.symbol(), instrument);
                }
            }
            return Map.copyOf(out);
        });
        applyRateLimits(info.path("rateLimits"));
        caches.remember(map);
        return map;
    }

    private void applyRateLimits(JsonNode limits) {
        int weight = 0;
        int orders10s = 0;
        int ordersDay = 0;
        for (JsonNode limit : limits) {
            String type = limit.path("rateLimitType").asText();
            String interval = limit.path("interval").asText();
            int num = limit.path("intervalNum").asInt();
            int value = limit.path("limit").asInt();
            if (type.equals("REQUEST_WEIGHT") && interval.equals("MINUTE") && num == 1) {
                weight = value;
            } else if (type.equals("ORDERS") && interval.equals("SECOND") && num == 10) {
                orders10s = value;
            } else if (type.equals("ORDERS") && interval.equals("DAY") && num == 1) {
                ordersDay = value;
            }
        }
        transport.gate().limits(weight, orders10s, ordersDay);
    }

    public BigDecimal lastPrice(Symbol symbol) throws VenueException {
        JsonNode answer = rest.tickerPrice(symbol.value());
        return parsed(() -> Fields.decimal(answer, "price"));
    }

    public BigDecimal averagePrice(Symbol symbol) throws VenueException {
        JsonNode answer = rest.avgPrice(symbol.value());
        return parsed(() -> Fields.decimal(answer, "price"));
    }

    public BookTicker bookTicker(Symbol symbol) throws VenueException {
        JsonNode answer = rest.bookTicker(symbol.value());
        return parsed(() -> SpotParsers.bookTicker(answer));
    }

    public List<Candle> klines(Symbol symbol, String interval, Instant start, Instant end, Integer limit) throws VenueException {
        JsonNode answer = rest.klines(symbol.value(), interval, start == null ? null : start.toEpochMilli(),
                end == null ? null : end.toEpochMilli(), limit);
        return parsed(() -> {
            List<Candle> out = new ArrayList<>(answer.size());
            answer.forEach(k -> out.add(SpotParsers.candle(k)));
            return out;
        });
    }

    public OrderBook depth(Symbol symbol, int limit) throws VenueException {
        JsonNode answer = rest.depth(symbol.value(), limit);
        return parsed(() -> SpotParsers.depth(symbol, answer));
    }

    // ---------------------------------------------------------------- orders

    @Override
    public SubmitResult submit(OrderRequest request) {
        Params params;
        try {
            params = SpotOrderParams.newOrder(request);
        } catch (IllegalArgumentException e) {
            return new SubmitResult.Rejected(new VenueError(Kind.REJECTED, 0, 0, e.getMessage(), null));
        }
        AtomicLong lastTimestamp = new AtomicLong();
        JsonNode answer;
        try {
            answer = rest.transport().call(BinanceSpotRest.NEW_ORDER, params, lastTimestamp::set);
        } catch (VenueException e) {
            VenueError error = e.error();
            return switch (error.kind()) {
                case REJECTED, AUTH -> new SubmitResult.Rejected(error);
                // refused before any processing, or never sent: the venue does not have it
                case TIMESTAMP, RATE_LIMITED, BANNED, UNREACHABLE -> new SubmitResult.NotPlaced(error);
                // no timestamp means the order was never signed, so never sent (e.g. the clock sync failed first)
                case SERVER, UNKNOWN_OUTCOME -> lastTimestamp.get() == 0 ? new SubmitResult.NotPlaced(error)
                        : doubts.order(request, error, lastTimestamp.get());
            };
        }
        try {
            OrderUpdate order = SpotParsers.order(answer, receivedNow());
            caches.remember(order);
            return new SubmitResult.Accepted(order);
        } catch (IllegalArgumentException e) {
            // a 2xx answer means the venue took it; we only failed to read it
            return doubts.order(request, BinanceErrors.unreadable(200, e.getMessage()), lastTimestamp.get());
        }
    }

    /** POST /api/v3/order/test: validated by the venue like a real order, never placed. */
    public void testOrder(OrderRequest request) throws VenueException {
        Params params;
        try {
            params = SpotOrderParams.newOrder(request);
        } catch (IllegalArgumentException e) {
            throw new VenueException(new VenueError(Kind.REJECTED, 0, 0, e.getMessage(), null));
        }
        rest.testOrder(params, false);
    }

    /** POST /api/v3/orderList/oco, with the same doubt resolution as a single order (by the above leg's id). */
    public OcoOutcome placeOco(OcoRequest request) {
        AtomicLong lastTimestamp = new AtomicLong();
        JsonNode answer;
        try {
            answer = rest.transport().call(BinanceSpotRest.NEW_OCO, SpotOrderParams.oco(request), lastTimestamp::set);
        } catch (IllegalArgumentException e) {
            return new OcoOutcome.Rejected(new VenueError(Kind.REJECTED, 0, 0, e.getMessage(), null));
        } catch (VenueException e) {
            VenueError error = e.error();
            return switch (error.kind()) {
                case REJECTED, AUTH -> new OcoOutcome.Rejected(error);
                case TIMESTAMP, RATE_LIMITED, BANNED, UNREACHABLE -> new OcoOutcome.NotPlaced(error);
                case SERVER, UNKNOWN_OUTCOME -> lastTimestamp.get() == 0 ? new OcoOutcome.NotPlaced(error)
                        : doubts.oco(request, error, lastTimestamp.get());
            };
        }
        try {
            return new OcoOutcome.Placed(SpotParsers.orderList(answer, receivedNow()));
        } catch (IllegalArgumentException e) {
            return doubts.oco(request, BinanceErrors.unreadable(200, e.getMessage()), lastTimestamp.get());
        }
    }

    /**
     * GET /api/v3/account/commission: the standard rate plus the tax rate of the symbol (a BNB discount is not
     * counted: the estimate stays on the safe side).
     */
    @Override
    public Optional<io.tradeguard.core.venue.CommissionRates> commissionRates(Symbol symbol) throws VenueException {
        JsonNode answer = rest.commission(symbol.value());
        return Optional.of(parsed(() -> new io.tradeguard.core.venue.CommissionRates(
                Fields.decimal(answer.path("standardCommission"), "maker").add(optionalRate(answer.path("taxCommission"), "maker")),
                Fields.decimal(answer.path("standardCommission"), "taker").add(optionalRate(answer.path("taxCommission"), "taker")))));
    }

    private static BigDecimal optionalRate(JsonNode node, String field) {
        return node.hasNonNull(field) ? new BigDecimal(node.get(field).asText()) : BigDecimal.ZERO;
    }

    @Override
    public boolean supportsOco() {
        return true;
    }

    @Override
    public io.tradeguard.core.venue.OcoResult submitOco(OcoRequest request) {
        return switch (placeOco(request)) {
            case OcoOutcome.Placed p -> {
                p.list().orders().forEach(caches::remember);
                caches.forgetBalances();
                yield new io.tradeguard.core.venue.OcoResult.Placed(p.list());
            }
            case OcoOutcome.Rejected r -> new io.tradeguard.core.venue.OcoResult.Rejected(r.error());
            case OcoOutcome.NotPlaced n -> new io.tradeguard.core.venue.OcoResult.NotPlaced(n.cause());
            case OcoOutcome.Unknown u -> new io.tradeguard.core.venue.OcoResult.Unknown(u.cause());
        };
    }

    public OrderListReport cancelOco(Symbol symbol, String listClientOrderId) throws VenueException {
        JsonNode answer = rest.cancelOrderList(symbol.value(), listClientOrderId);
        OrderListReport report = parsed(() -> SpotParsers.orderList(answer, receivedNow()));
        report.orders().forEach(caches::remember);
        return report;
    }

    @Override
    public OrderUpdate cancel(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        return cancelOrder(symbol, clientOrderId).order();
    }

    /** Cancels by clientOrderId; an order that is already closed is reported as such, not as a failure. */
    public CancelOutcome cancelOrder(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        try {
            JsonNode answer = rest.cancelOrderByClientId(symbol.value(), clientOrderId.value());
            return canceled(answer);
        } catch (VenueException e) {
            return alreadyClosedOrThrow(e, () -> queryFresh(symbol, clientOrderId));
        }
    }

    /** Cancels by the venue's orderId. */
    public CancelOutcome cancelOrder(Symbol symbol, long orderId) throws VenueException {
        try {
            return canceled(rest.cancelOrderById(symbol.value(), orderId));
        } catch (VenueException e) {
            return alreadyClosedOrThrow(e, () -> queryById(symbol, orderId));
        }
    }

    private CancelOutcome canceled(JsonNode answer) throws VenueException {
        OrderUpdate order = parsed(() -> SpotParsers.order(answer, receivedNow()));
        caches.remember(order);
        caches.forgetBalances();
        return new CancelOutcome.Canceled(order);
    }

    private interface Lookup {
        Optional<OrderUpdate> find() throws VenueException;
    }

    private CancelOutcome alreadyClosedOrThrow(VenueException failure, Lookup lookup) throws VenueException {
        if (failure.error().code() != BinanceErrors.CANCEL_REJECTED) {
            throw failure;
        }
        Optional<OrderUpdate> order = lookup.find();
        if (order.isPresent() && order.get().status().isTerminal()) {
            caches.remember(order.get());
            return new CancelOutcome.AlreadyClosed(order.get());
        }
        throw failure; // unknown order, or still open and refused (cancel restrictions)
    }

    /** DELETE /api/v3/openOrders: every open order of the symbol, including OCO legs, as canceled. */
    public List<OrderUpdate> cancelAll(Symbol symbol) throws VenueException {
        JsonNode answer;
        try {
            answer = rest.cancelOpenOrders(symbol.value());
        } catch (VenueException e) {
            if (e.error().code() == BinanceErrors.CANCEL_REJECTED) {
                return List.of(); // nothing open
            }
            throw e;
        }
        List<OrderUpdate> canceled = parsed(() -> {
            List<OrderUpdate> out = new ArrayList<>();
            Instant at = receivedNow();
            for (JsonNode item : answer) {
                if (item.has("orderReports")) {
                    out.addAll(SpotParsers.orderList(item, at).orders());
                } else {
                    out.add(SpotParsers.order(item, at));
                }
            }
            return out;
        });
        canceled.forEach(caches::remember);
        caches.forgetBalances();
        return canceled;
    }

    @Override
    public Optional<OrderUpdate> query(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        Optional<OrderUpdate> cached = caches.order(symbol, clientOrderId);
        if (cached.isPresent()) {
            return cached;
        }
        return queryFresh(symbol, clientOrderId);
    }

    private Optional<OrderUpdate> queryFresh(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        try {
            JsonNode answer = rest.queryOrderByClientId(symbol.value(), clientOrderId.value());
            OrderUpdate order = parsed(() -> SpotParsers.order(answer, receivedNow()));
            caches.remember(order);
            return Optional.of(order);
        } catch (VenueException e) {
            if (e.error().code() == BinanceErrors.NO_SUCH_ORDER) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Optional<OrderUpdate> queryById(Symbol symbol, long orderId) throws VenueException {
        try {
            JsonNode answer = rest.queryOrderById(symbol.value(), orderId);
            return Optional.of(parsed(() -> SpotParsers.order(answer, receivedNow())));
        } catch (VenueException e) {
            if (e.error().code() == BinanceErrors.NO_SUCH_ORDER) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<OrderUpdate> openOrders() throws VenueException {
        JsonNode answer = rest.openOrders(null);
        return parsed(() -> SpotParsers.orders(answer, receivedNow()));
    }

    public List<OrderUpdate> openOrders(Symbol symbol) throws VenueException {
        JsonNode answer = rest.openOrders(symbol.value());
        return parsed(() -> SpotParsers.orders(answer, receivedNow()));
    }

    /** GET /api/v3/allOrders (start and end at most 24 h apart, as Binance requires). */
    public List<OrderUpdate> allOrders(Symbol symbol, Instant start, Instant end, Integer limit) throws VenueException {
        JsonNode answer = rest.allOrders(symbol.value(), start == null ? null : start.toEpochMilli(),
                end == null ? null : end.toEpochMilli(), limit);
        return parsed(() -> SpotParsers.orders(answer, receivedNow()));
    }

    // ---------------------------------------------------------------- account

    @Override
    public List<Balance> balances() throws VenueException {
        Optional<List<Balance>> cached = caches.balances();
        if (cached.isPresent()) {
            return cached.get();
        }
        JsonNode account = rest.account();
        List<Balance> balances = List.copyOf(parsed(() -> SpotParsers.balances(account)));
        caches.remember(balances);
        return balances;
    }

    /** The account's trades on a symbol from {@code since}, oldest first, following pages by trade id. */
    @Override
    public List<AccountTrade> trades(Symbol symbol, Instant since) throws VenueException {
        List<AccountTrade> out = new ArrayList<>();
        JsonNode page = rest.myTrades(symbol.value(), null, since.toEpochMilli(), null, 1000);
        while (true) {
            JsonNode current = page;
            List<AccountTrade> parsedPage = parsed(() -> {
                List<AccountTrade> list = new ArrayList<>();
                current.forEach(t -> list.add(SpotParsers.trade(t)));
                return list;
            });
            out.addAll(parsedPage);
            if (parsedPage.size() < 1000) {
                return out;
            }
            page = rest.myTrades(symbol.value(), null, null, parsedPage.getLast().fill().tradeId() + 1, 1000);
        }
    }

    /** The trades of one order (myTrades with orderId, weight 5). */
    public List<AccountTrade> orderTrades(Symbol symbol, long orderId) throws VenueException {
        JsonNode answer = rest.myTrades(symbol.value(), orderId, null, null, 1000);
        return parsed(() -> {
            List<AccountTrade> list = new ArrayList<>();
            answer.forEach(t -> list.add(SpotParsers.trade(t)));
            return list;
        });
    }

    // ---------------------------------------------------------------- streams

    @Override
    public SpotUserDataStream subscribeUserData(Consumer<VenueEvent> listener) throws VenueException {
        Consumer<VenueEvent> sink = event -> {
            caches.forget(event);
            deliver(listener, event);
        };
        SpotUserDataProtocol protocol = new SpotUserDataProtocol(config.endpoints().webSocketApi(), config.credentials(),
                transport.clock(), sink, transport::syncTime);
        ReconnectingSocket socket = new ReconnectingSocket(protocol, http, config.streams(), sink, config.clock());
        listeners.add(listener);
        try {
            socket.start(config.streams().readyTimeout().multipliedBy(2));
        } catch (VenueException e) {
            listeners.remove(listener);
            throw e;
        }
        SpotUserDataStream stream = new SpotUserDataStream(socket, protocol, () -> listeners.remove(listener));
        streams.add(stream);
        return stream;
    }

    @Override
    public SpotMarketStreams subscribePrices(Collection<Symbol> symbols, Consumer<VenueEvent> listener) throws VenueException {
        List<SpotMarketStreams.Stream> trades = symbols.stream()
                .map(s -> (SpotMarketStreams.Stream) new SpotMarketStreams.Stream.Trades(s)).toList();
        return marketStreams(trades, listener, quote -> { });
    }

    /**
     * The symbols' best bid and ask ({@code @bookTicker}) as one-level books, on their own connection. Its
     * connection losses are not the engine's business: a book that stops coming goes stale at the reader.
     */
    @Override
    public Optional<AutoCloseable> subscribeBooks(Collection<Symbol> symbols, Consumer<OrderBook> listener) throws VenueException {
        if (symbols.isEmpty()) {
            return Optional.empty();
        }
        // the top BOOK_LEVELS levels, so that a market order's expected fill walks past the best price
        List<SpotMarketStreams.Stream> depth = symbols.stream()
                .map(s -> (SpotMarketStreams.Stream) new SpotMarketStreams.Stream.PartialDepth(s, BOOK_LEVELS)).toList();
        SpotMarketStreams stream = new SpotMarketStreams(config.endpoints().streams(), depth, http, config.streams(),
                event -> { }, quote -> { }, book -> deliverBook(listener, book), config.clock(),
                config.streams().readyTimeout().multipliedBy(2));
        streams.add(stream);
        // start from the current book (GET /api/v3/depth), not from the stream's next message
        for (Symbol symbol : symbols) {
            try {
                listener.accept(depth(symbol, BOOK_LEVELS));
            } catch (VenueException e) {
                log.warn("no current book of {} ({}); the stream's next message brings it", symbol, e.error());
            }
        }
        return Optional.of(stream);
    }

    /** Levels of the book stream behind {@link #subscribeBooks}. */
    static final int BOOK_LEVELS = 20;

    private static void deliverBook(Consumer<OrderBook> listener, OrderBook book) {
        try {
            listener.accept(book);
        } catch (RuntimeException e) {
            log.warn("a book listener failed on {}", book.symbol(), e);
        }
    }

    /** One combined market-stream connection; add and remove streams on the returned manager. */
    public SpotMarketStreams marketStreams(Collection<SpotMarketStreams.Stream> initial, Consumer<VenueEvent> listener,
                                           Consumer<BookTicker> quotes) throws VenueException {
        SpotMarketStreams manager = new SpotMarketStreams(config.endpoints().streams(), initial, http, config.streams(),
                event -> deliver(listener, event), quote -> deliverQuote(quotes, quote), config.clock(),
                config.streams().readyTimeout().multipliedBy(2));
        streams.add(manager);
        return manager;
    }

    private void publish(VenueEvent event) {
        deliver(config.events(), event);
        listeners.forEach(l -> deliver(l, event));
    }

    private static void deliver(Consumer<VenueEvent> listener, VenueEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.error("venue event listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }

    private static void deliverQuote(Consumer<BookTicker> listener, BookTicker quote) {
        try {
            listener.accept(quote);
        } catch (RuntimeException e) {
            log.error("quote listener failed", e);
        }
    }

    @Override
    public void close() {
        for (AutoCloseable stream : streams) {
            try {
                stream.close();
            } catch (Exception e) {
                log.debug("closing a stream failed", e);
            }
        }
        streams.clear();
        http.shutdownNow();
        restHttp.close();
    }

    // ---------------------------------------------------------------- helpers

    private Instant receivedNow() {
        return config.clock().instant();
    }

    private interface Parse<T> {
        T get();
    }

    /** A wire answer we cannot read is an error of unknown outcome, never a silent default. */
    private static <T> T parsed(Parse<T> parse) throws VenueException {
        try {
            return parse.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new VenueException(BinanceErrors.unreadable(200, e.getMessage()), e);
        }
    }
}
