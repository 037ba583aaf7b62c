package io.tradeguard.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.binance.FuturesVenueConfig;
import io.tradeguard.binance.rest.BinanceErrors;
import io.tradeguard.binance.rest.BlockingHttp;
import io.tradeguard.binance.rest.Params;
import io.tradeguard.binance.rest.RateGate;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.binance.rest.ServerClock;
import io.tradeguard.binance.spot.Fields;
import io.tradeguard.binance.spot.OrderDoubts;
import io.tradeguard.binance.spot.SpotParsers;
import io.tradeguard.binance.stream.ReconnectingSocket;
import io.tradeguard.binance.stream.StreamProtocol;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.BookTicker;
import io.tradeguard.core.venue.Candle;
import io.tradeguard.core.venue.FuturesAccountEvent;
import io.tradeguard.core.venue.FuturesPosition;
import io.tradeguard.core.venue.OrderBook;
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
 * Binance USDⓈ-M futures as a {@link Venue}: composes {@link BinanceFuturesRest} and the streams with the
 * spot client's signing, rate gate, clock and retry chain. LIMIT and MARKET go to the order endpoint, the
 * conditional types to the algo service (clientAlgoId = the engine's client id), so -4120 cannot happen.
 * An order POST is never sent twice: a lost answer is settled by {@link OrderDoubts}, asking the endpoint
 * the order went to for its client id.
 */
public final class BinanceFuturesVenue implements io.tradeguard.core.venue.FuturesVenue {
    private static final Logger log = LoggerFactory.getLogger(BinanceFuturesVenue.class);
    /** Binance's own ceiling; the brackets and the caller's cap are lower. */
    public static final int MAX_LEVERAGE = 125;

    private final FuturesVenueConfig config;
    private final HttpClient http;           // WebSocket streams
    private final BlockingHttp restHttp;     // REST, on the caller's thread
    private final RestTransport transport;
    private final BinanceFuturesRest rest;
    private final OrderDoubts orderDoubts;
    private final OrderDoubts algoDoubts;
    private final List<Consumer<VenueEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> streams = new CopyOnWriteArrayList<>();
    private volatile Map<Symbol, Instrument> instruments;
    private final FundingAttribution funding = new FundingAttribution(new FundingAttribution.Source() {
        @Override
        public JsonNode fundingIncome(long startTime, long endTime) throws VenueException {
            return rest.income(null, "FUNDING_FEE", startTime, endTime, 1000);
        }

        @Override
        public FuturesPosition position(Symbol symbol) throws VenueException {
            return BinanceFuturesVenue.this.position(symbol);
        }
    });
    private volatile long instrumentsAt;

    private BinanceFuturesVenue(FuturesVenueConfig config, HttpClient http, BlockingHttp restHttp) {
        this.config = config;
        this.http = http;
        this.restHttp = restHttp;
        ServerClock clock = new ServerClock(config.clock(), config.clockSyncEvery());
        RateGate gate = new RateGate(clock, config.rateHeadroom(), config.maxThrottleWait(), this::publish);
        this.transport = new RestTransport(config.endpoints().rest(), restHttp, config.credentials(), clock, gate,
                config.rest(), config.observer(), BinanceFuturesRest.TIME);
        this.rest = new BinanceFuturesRest(transport);
        this.orderDoubts = new OrderDoubts(clock, config.rest().recvWindow(), this::queryOrderFresh);
        this.algoDoubts = new OrderDoubts(clock, config.rest().recvWindow(), (symbol, id) -> queryAlgo(id));
    }

    /** Builds the venue, synchronises the clock and loads the instruments (and the rate limits) once. */
    public static BinanceFuturesVenue connect(FuturesVenueConfig config) throws VenueException {
        BinanceFuturesVenue venue = new BinanceFuturesVenue(config, RestTransport.defaultHttpClient(), BlockingHttp.create());
        try {
            venue.transport.syncTime();
            venue.instruments();
            return venue;
        } catch (VenueException | RuntimeException e) {
            venue.close();
            throw e;
        }
    }

    /** The raw endpoints (leverage brackets, account v3, algo history…), for answers this class does not interpret. */
    public BinanceFuturesRest rest() {
        return rest;
    }

    @Override
    public Market market() {
        return Market.FUTURES;
    }

    @Override
    public Instant serverTime() throws VenueException {
        if (transport.clock().isStale()) {
            transport.syncTime();
        }
        return transport.clock().now();
    }

    // ---------------------------------------------------------------- market data

    @Override
    public List<Instrument> instruments() throws VenueException {
        return List.copyOf(instrumentMap(false).values());
    }

    public Optional<Instrument> instrument(Symbol symbol) throws VenueException {
        Instrument known = instrumentMap(false).get(symbol);
        return known != null ? Optional.of(known) : Optional.ofNullable(instrumentMap(true).get(symbol));
    }

    private Map<Symbol, Instrument> instrumentMap(boolean reload) throws VenueException {
        Map<Symbol, Instrument> cached = instruments;
        if (!reload && cached != null && config.clock().millis() - instrumentsAt < config.instrumentsTtl().toMillis()) {
            return cached;
        }
        JsonNode info = rest.exchangeInfo();
        Map<Symbol, Instrument> map = parsed(() -> {
            Map<Symbol, Instrument> out = new LinkedHashMap<>();
            for (JsonNode symbol : info.path("symbols")) {
                if (FuturesParsers.isTradingPerpetual(symbol)) {
                    Instrument instrument = FuturesParsers.instrument(symbol);
                    out.put(instrument.symbol(), instrument);
                }
            }
            return Map.copyOf(out);
        });
        int weight = 0;
        for (JsonNode limit : info.path("rateLimits")) {
            if (limit.path("rateLimitType").asText().equals("REQUEST_WEIGHT") && limit.path("interval").asText().equals("MINUTE")
                    && limit.path("intervalNum").asInt() == 1) {
                weight = limit.path("limit").asInt();
            }
        }
        // futures order limits are per minute (and per 10 s on the account); the gate counts the 10-s window
        transport.gate().limits(weight, 0, 0);
        instruments = map;
        instrumentsAt = config.clock().millis();
        return map;
    }

    /** The mark price (premiumIndex), the price margin, P&L and liquidation are computed on. */
    public BigDecimal markPrice(Symbol symbol) throws VenueException {
        JsonNode answer = rest.premiumIndex(symbol.value());
        return parsed(() -> Fields.decimal(answer, "markPrice"));
    }

    public BigDecimal fundingRate(Symbol symbol) throws VenueException {
        JsonNode answer = rest.premiumIndex(symbol.value());
        return parsed(() -> Fields.decimal(answer, "lastFundingRate"));
    }

    public BigDecimal lastPrice(Symbol symbol) throws VenueException {
        JsonNode answer = rest.tickerPrice(symbol.value());
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

    // ---------------------------------------------------------------- settings

    /**
     * Sets the symbol's leverage, refusing anything above {@code hardCap} (the engine's configured cap)
     * before a request is made. Returns the leverage the venue confirmed.
     */
    @Override
    public int setLeverage(Symbol symbol, int leverage, int hardCap) throws VenueException {
        if (hardCap < 1 || hardCap > MAX_LEVERAGE) {
            throw refused("the leverage cap must be within 1.." + MAX_LEVERAGE + ", was " + hardCap);
        }
        if (leverage < 1) {
            throw refused("leverage must be at least 1x, was " + leverage + "x");
        }
        if (leverage > hardCap) {
            throw refused("leverage " + leverage + "x for " + symbol + " is above the hard cap of " + hardCap
                    + "x; refused before calling the venue");
        }
        JsonNode answer = rest.leverage(symbol.value(), leverage);
        int confirmed = parsed(() -> (int) Fields.longValue(answer, "leverage"));
        if (confirmed != leverage) {
            throw new VenueException(BinanceErrors.unreadable(200, "asked for " + leverage + "x, venue confirmed " + confirmed + "x"));
        }
        return confirmed;
    }

    /** Sets ISOLATED or CROSSED; a symbol already of that type (-4046) is not an error. Returns whether it changed. */
    @Override
    public boolean setMarginType(Symbol symbol, MarginType type) throws VenueException {
        try {
            rest.marginType(symbol.value(), FuturesEnums.marginType(type));
            return true;
        } catch (VenueException e) {
            if (e.error().code() == BinanceErrors.NO_NEED_TO_CHANGE_MARGIN_TYPE) {
                return false;
            }
            throw e;
        }
    }

    /** The account's maintenance brackets of the contract, lowest notional first (GET /fapi/v1/leverageBracket). */
    @Override
    public List<io.tradeguard.core.venue.MaintenanceBracket> maintenanceBrackets(Symbol symbol) throws VenueException {
        JsonNode answer = rest.leverageBracket(symbol.value());
        return parsed(() -> {
            for (JsonNode entry : answer.isArray() ? answer : List.of(answer)) {
                if (entry.path("symbol").asText().equals(symbol.value())) {
                    return FuturesParsers.brackets(entry.path("brackets"));
                }
            }
            throw new IllegalArgumentException("leverageBracket has no entry for " + symbol);
        });
    }

    /** One-way (the engine's mode) or hedge; the current mode (-4059) is not an error. Returns whether it changed. */
    public boolean setHedgeMode(boolean hedge) throws VenueException {
        try {
            rest.positionSideDual(hedge);
            return true;
        } catch (VenueException e) {
            if (e.error().code() == BinanceErrors.NO_NEED_TO_CHANGE_POSITION_SIDE) {
                return false;
            }
            throw e;
        }
    }

    public boolean isHedgeMode() throws VenueException {
        JsonNode answer = rest.positionSideDual();
        return parsed(() -> Fields.bool(answer, "dualSidePosition"));
    }

    // ---------------------------------------------------------------- orders

    /** The account's own maker and taker rates on the contract ({@code GET /fapi/v1/commissionRate}). */
    @Override
    public Optional<io.tradeguard.core.venue.CommissionRates> commissionRates(Symbol symbol) throws VenueException {
        JsonNode answer = rest.commissionRate(symbol.value());
        return Optional.of(parsed(() -> new io.tradeguard.core.venue.CommissionRates(
                Fields.decimal(answer, "makerCommissionRate"), Fields.decimal(answer, "takerCommissionRate"))));
    }

    /** USD-M futures has no OCO lists; protection there is a reduce-only bracket (or local triggers). */
    @Override
    public boolean supportsOco() {
        return false;
    }

    @Override
    public io.tradeguard.core.venue.OcoResult submitOco(io.tradeguard.core.venue.OcoRequest request) {
        return io.tradeguard.core.venue.OcoResult.unsupported(this);
    }

    @Override
    public SubmitResult submit(OrderRequest request) {
        boolean algo = FuturesEnums.isAlgo(request.type());
        Params params;
        try {
            params = algo ? FuturesOrderParams.algoOrder(request) : FuturesOrderParams.newOrder(request);
        } catch (IllegalArgumentException e) {
            return new SubmitResult.Rejected(new VenueError(Kind.REJECTED, 0, 0, e.getMessage(), null));
        }
        OrderDoubts doubts = algo ? algoDoubts : orderDoubts;
        AtomicLong lastTimestamp = new AtomicLong();
        JsonNode answer;
        try {
            answer = transport.call(algo ? BinanceFuturesRest.NEW_ALGO_ORDER : BinanceFuturesRest.NEW_ORDER, params, lastTimestamp::set);
        } catch (VenueException e) {
            VenueError error = e.error();
            return switch (error.kind()) {
                case REJECTED, AUTH -> new SubmitResult.Rejected(error);
                case TIMESTAMP, RATE_LIMITED, BANNED, UNREACHABLE -> new SubmitResult.NotPlaced(error);
                case SERVER, UNKNOWN_OUTCOME -> lastTimestamp.get() == 0 ? new SubmitResult.NotPlaced(error)
                        : doubts.order(request, error, lastTimestamp.get());
            };
        }
        try {
            if (algo) {
                FuturesAccountEvent.AlgoOrder placed = FuturesParsers.algo(answer);
                return new SubmitResult.Accepted(FuturesParsers.algoAsOrder(placed, receivedNow(), receivedNow()));
            }
            return new SubmitResult.Accepted(FuturesParsers.order(answer, receivedNow()));
        } catch (IllegalArgumentException | NullPointerException e) {
            // a 2xx answer means the venue took it; we only failed to read it
            return doubts.order(request, BinanceErrors.unreadable(200, String.valueOf(e.getMessage())), lastTimestamp.get());
        }
    }

    /**
     * Cancels by client id, on the order endpoint or, for a conditional order, the algo service. An order
     * already closed is reported as such.
     */
    @Override
    public OrderUpdate cancel(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        try {
            JsonNode answer = rest.cancelOrderByClientId(symbol.value(), clientOrderId.value());
            return parsed(() -> FuturesParsers.order(answer, receivedNow()));
        } catch (VenueException e) {
            if (e.error().code() != BinanceErrors.CANCEL_REJECTED) {
                throw e;
            }
            Optional<OrderUpdate> algo = queryAlgo(clientOrderId);
            if (algo.isPresent() && !algo.get().status().isTerminal()) {
                try {
                    rest.cancelAlgoOrder(clientOrderId.value());
                } catch (VenueException algoFailure) {
                    if (algoFailure.error().code() != BinanceErrors.CANCEL_REJECTED) {
                        throw algoFailure;
                    }
                }
                algo = queryAlgo(clientOrderId);
            }
            if (algo.isPresent() && algo.get().status().isTerminal()) {
                return algo.get();
            }
            Optional<OrderUpdate> order = queryOrderFresh(symbol, clientOrderId);
            if (order.isPresent() && order.get().status().isTerminal()) {
                return order.get();
            }
            throw e;
        }
    }

    /** DELETE allOpenOrders and algoOpenOrders of the symbol. */
    public void cancelAll(Symbol symbol) throws VenueException {
        rest.cancelAllOpenOrders(symbol.value());
        rest.cancelAllAlgoOrders(symbol.value());
    }

    /** The order (or conditional order) by client id, from the venue; empty when neither endpoint knows it. */
    @Override
    public Optional<OrderUpdate> query(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        Optional<OrderUpdate> order = queryOrderFresh(symbol, clientOrderId);
        return order.isPresent() ? order : queryAlgo(clientOrderId);
    }

    private Optional<OrderUpdate> queryOrderFresh(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        try {
            JsonNode answer = rest.queryOrderByClientId(symbol.value(), clientOrderId.value());
            return Optional.of(parsed(() -> FuturesParsers.order(answer, receivedNow())));
        } catch (VenueException e) {
            if (e.error().code() == BinanceErrors.NO_SUCH_ORDER) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The algo order by clientAlgoId, as an order; empty when the algo service does not know it. */
    public Optional<OrderUpdate> queryAlgo(ClientOrderId clientAlgoId) throws VenueException {
        return algoOrder(clientAlgoId).map(a -> FuturesParsers.algoAsOrder(a, receivedNow(), receivedNow()));
    }

    public Optional<FuturesAccountEvent.AlgoOrder> algoOrder(ClientOrderId clientAlgoId) throws VenueException {
        try {
            JsonNode answer = rest.queryAlgoOrder(clientAlgoId.value());
            return Optional.of(parsed(() -> FuturesParsers.algo(answer)));
        } catch (VenueException e) {
            if (e.error().code() == BinanceErrors.NO_SUCH_ORDER) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Open orders and waiting conditional orders of every symbol. */
    @Override
    public List<OrderUpdate> openOrders() throws VenueException {
        JsonNode orders = rest.openOrders(null);
        JsonNode algos = rest.openAlgoOrders(null);
        return parsed(() -> {
            List<OrderUpdate> out = new ArrayList<>(FuturesParsers.orders(orders, receivedNow()));
            for (JsonNode a : algos.isArray() ? algos : algos.path("orders")) {
                out.add(FuturesParsers.algoAsOrder(FuturesParsers.algo(a), receivedNow(), receivedNow()));
            }
            return out;
        });
    }

    public List<FuturesAccountEvent.AlgoOrder> openAlgoOrders(Symbol symbol) throws VenueException {
        JsonNode algos = rest.openAlgoOrders(symbol.value());
        return parsed(() -> {
            List<FuturesAccountEvent.AlgoOrder> out = new ArrayList<>();
            for (JsonNode a : algos.isArray() ? algos : algos.path("orders")) {
                out.add(FuturesParsers.algo(a));
            }
            return out;
        });
    }

    public List<OrderUpdate> allOrders(Symbol symbol, Instant start, Instant end, Integer limit) throws VenueException {
        JsonNode answer = rest.allOrders(symbol.value(), start == null ? null : start.toEpochMilli(),
                end == null ? null : end.toEpochMilli(), limit);
        return parsed(() -> FuturesParsers.orders(answer, receivedNow()));
    }

    // ---------------------------------------------------------------- account

    /** The futures wallet: free = available balance, locked = wallet balance − available (margin in use). */
    @Override
    public List<Balance> balances() throws VenueException {
        JsonNode answer = rest.balanceV3();
        return parsed(() -> List.copyOf(FuturesParsers.balances(answer)));
    }

    /** Every open position (flat symbols left out), from positionRisk v2 (the version with leverage and margin type). */
    @Override
    public List<FuturesPosition> positions() throws VenueException {
        JsonNode answer = rest.positionRiskV2(null);
        return parsed(() -> {
            List<FuturesPosition> out = new ArrayList<>();
            for (JsonNode p : answer) {
                FuturesPosition position = FuturesParsers.position(p);
                if (!position.isFlat()) {
                    out.add(position);
                }
            }
            return out;
        });
    }

    /** The symbol's position, flat included (its leverage and margin type are the symbol's settings). */
    public FuturesPosition position(Symbol symbol) throws VenueException {
        JsonNode answer = rest.positionRiskV2(symbol.value());
        return parsed(() -> {
            for (JsonNode p : answer) {
                if (p.path("symbol").asText().equals(symbol.value()) && p.path("positionSide").asText("BOTH").equals("BOTH")) {
                    return FuturesParsers.position(p);
                }
            }
            throw new IllegalArgumentException("positionRisk has no one-way entry for " + symbol);
        });
    }

    /**
     * The latest 1000 trades of the symbol (userTrades without a time window: the simulator does not read
     * startTime), those at or after {@code since}, oldest first. Enough for reconciliation after a gap; not
     * a full history.
     */
    @Override
    public List<AccountTrade> trades(Symbol symbol, Instant since) throws VenueException {
        JsonNode page = rest.userTrades(symbol.value(), null, null, null, 1000);
        return parsed(() -> {
            List<AccountTrade> list = new ArrayList<>();
            page.forEach(t -> list.add(FuturesParsers.trade(t)));
            return list.stream().filter(t -> !t.fill().time().isBefore(since)).toList();
        });
    }

    // ---------------------------------------------------------------- streams

    @Override
    public AutoCloseable subscribeUserData(Consumer<VenueEvent> listener) throws VenueException {
        return subscribeUserData(listener, event -> { });
    }

    /**
     * The listen-key user stream: order reports and connection gaps as {@link VenueEvent}s, and the
     * futures-only content (realized profit, liquidations, wallet and position changes, algo orders,
     * margin calls) as {@link FuturesAccountEvent}s. Closing the handle closes the listen key.
     */
    @Override
    public UserDataStream subscribeUserData(Consumer<VenueEvent> listener, Consumer<FuturesAccountEvent> futuresListener)
            throws VenueException {
        // every event, connection changes included, leaves the socket's reader through one ordered queue: a cross
        // funding payment names no symbol and the income history does (REST), which must not stop the reading
        UserEventDispatch dispatch = new UserEventDispatch("futures-user-data", listener, futuresListener, funding::attribute);
        FuturesUserDataProtocol protocol = new FuturesUserDataProtocol(rest, config.endpoints().streams(),
                config.listenKeyKeepAlive(), dispatch::venue, dispatch::futures);
        ReconnectingSocket socket = new ReconnectingSocket(protocol, http, config.streams(), dispatch::venue, config.clock());
        listeners.add(listener);
        try {
            socket.start(config.streams().readyTimeout().multipliedBy(2));
        } catch (VenueException e) {
            listeners.remove(listener);
            dispatch.close();
            throw e;
        }
        UserDataStream stream = new UserDataStream(socket, protocol, dispatch, () -> listeners.remove(listener));
        streams.add(stream);
        return stream;
    }

    /**
     * Mark prices every second ({@code @markPrice@1s}) as PriceTick(markPrice=true): what futures P&L is marked on
     * and what the local stop-loss triggers fire on, so the faster stream (the 3 s one would delay an exit by up to 3 s).
     */
    @Override
    public AutoCloseable subscribePrices(Collection<Symbol> symbols, Consumer<VenueEvent> listener) throws VenueException {
        return subscribeMarkPrices(symbols, true, listener);
    }

    public AutoCloseable subscribeMarkPrices(Collection<Symbol> symbols, boolean everySecond, Consumer<VenueEvent> listener)
            throws VenueException {
        StreamProtocol protocol = new FuturesMarkPriceProtocol(config.endpoints().streams(), List.copyOf(symbols), everySecond,
                event -> deliver(listener, event));
        ReconnectingSocket socket = new ReconnectingSocket(protocol, http, config.streams(), event -> deliver(listener, event),
                config.clock());
        socket.start(config.streams().readyTimeout().multipliedBy(2));
        streams.add(socket);
        return socket;
    }

    /** The user-data stream handle. */
    public static final class UserDataStream implements AutoCloseable {
        private final ReconnectingSocket socket;
        private final FuturesUserDataProtocol protocol;
        private final UserEventDispatch dispatch;
        private final Runnable onClose;

        UserDataStream(ReconnectingSocket socket, FuturesUserDataProtocol protocol, UserEventDispatch dispatch, Runnable onClose) {
            this.socket = socket;
            this.protocol = protocol;
            this.dispatch = dispatch;
            this.onClose = onClose;
        }

        /** How many events the socket has decoded so far, delivered or still queued for the listeners (for tests). */
        long decoded() {
            return dispatch.received();
        }

        public boolean isLive() {
            return socket.isLive();
        }

        public boolean hasListenKey() {
            return protocol.hasListenKey();
        }

        @Override
        public void close() {
            socket.close();
            dispatch.close();
            protocol.closeListenKey();
            onClose.run();
        }
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

    /**
     * The contracts' top {@link #BOOK_LEVELS} levels ({@code @depth20@100ms} on {@code /public}), one connection kept
     * alive by the same reconnect machinery as every stream, for the slippage check of futures market orders. Each
     * symbol starts from the current book (GET /fapi/v1/depth), not from the stream's next message. Its connection
     * losses are not the engine's business: a book that stops coming goes stale at the reader.
     */
    @Override
    public Optional<AutoCloseable> subscribeBooks(Collection<Symbol> symbols, Consumer<OrderBook> listener) throws VenueException {
        if (symbols.isEmpty()) {
            return Optional.empty();
        }
        Consumer<OrderBook> sink = book -> {
            try {
                listener.accept(book);
            } catch (RuntimeException e) {
                log.warn("a book listener failed on {}", book.symbol(), e);
            }
        };
        StreamProtocol protocol = new FuturesDepthProtocol(config.endpoints().streams(), List.copyOf(symbols), BOOK_LEVELS, sink);
        ReconnectingSocket socket = new ReconnectingSocket(protocol, http, config.streams(), event -> { }, config.clock());
        socket.start(config.streams().readyTimeout().multipliedBy(2));
        streams.add(socket);
        for (Symbol symbol : symbols) {
            try {
                sink.accept(depth(symbol, BOOK_LEVELS));
            } catch (VenueException e) {
                log.warn("no current futures book of {} ({}); the stream's next message brings it", symbol, e.error());
            }
        }
        return Optional.of(socket);
    }

    /** Levels of the book stream behind {@link #subscribeBooks}, as on spot. */
    static final int BOOK_LEVELS = 20;

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

    private static VenueException refused(String message) {
        return new VenueException(new VenueError(Kind.REJECTED, 0, 0, message, null));
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parsed(Parse<T> parse) throws VenueException {
        try {
            return parse.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new VenueException(BinanceErrors.unreadable(200, String.valueOf(e.getMessage())), e);
        }
    }
}
