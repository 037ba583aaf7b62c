package io.tradeguard.core.engine;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.reconcile.Reconciler;
import io.tradeguard.core.reconcile.VenueSnapshot;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.FuturesVenue;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.Venue;
import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueException;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The I/O worker: performs each effect and posts the answer back to the engine. Each effect goes to the venue of
 * its market (an engine may trade spot and futures side by side).
 *
 * <p>An effect goes to the sender thread when that thread is idle, else to a new virtual thread. The sender is a
 * platform thread that polls briefly after each effect before it parks ({@link Handoff}): the common case, one order
 * at a time, starts without the virtual-thread scheduler's wake-up of a carrier thread; effects that arrive while it
 * is busy (a slow venue call) still run at once, each on its own virtual thread.
 */
final class EffectRunner {
    private final Map<Market, Venue> venues;
    private final Consumer<Inbound> post;
    private final InstantSource clock;
    private final MarginType marginType;
    private static final Logger LOG = Logger.getLogger(EffectRunner.class.getName());
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Handoff<Runnable> toSender;
    private final Thread sender;
    /** true while the sender waits for work; taken (set false) by whoever hands it the next effect */
    private final AtomicBoolean senderIdle = new AtomicBoolean();
    private volatile boolean closed;
    private final Map<Market, AutoCloseable> prices = new EnumMap<>(Market.class);
    /** leverage the venue confirmed per futures symbol in this run; a restart asks again (cheap, and always right) */
    private final Map<Symbol, Integer> leverages = new ConcurrentHashMap<>();
    private final Set<Symbol> marginTypeSet = ConcurrentHashMap.newKeySet();

    /** @param spinNanos how long the sender thread polls for the next effect before it parks */
    EffectRunner(Map<Market, Venue> venues, Consumer<Inbound> post, InstantSource clock, MarginType marginType,
            long spinNanos) {
        this.venues = Map.copyOf(venues);
        this.post = post;
        this.clock = clock;
        this.marginType = marginType;
        this.toSender = new Handoff<>(spinNanos);
        this.sender = Thread.ofPlatform().name("tg-send").daemon(true).unstarted(this::send);
    }

    void start() {
        senderIdle.set(true);
        sender.start();
    }

    private Venue venue(Market market) {
        Venue venue = venues.get(market);
        if (venue == null) {
            throw new IllegalStateException("this engine has no " + market.wireName() + " venue");
        }
        return venue;
    }

    void run(Effect effect) {
        Runnable task = () -> {
            Inbound answer = perform(effect);
            if (answer != null) {
                post.accept(answer);
            }
        };
        if (senderIdle.compareAndSet(true, false)) {
            toSender.add(task);
        } else {
            executor.execute(task);
        }
    }

    private void send() {
        while (!closed) {
            Runnable task;
            try {
                task = toSender.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "an effect failed on the sender thread", e);
            }
            senderIdle.set(true);
        }
    }

    void shutdown() {
        synchronized (this) {
            prices.values().forEach(EffectRunner::closePrices);
            prices.clear();
        }
        closed = true;
        if (senderIdle.compareAndSet(true, false)) {
            toSender.add(() -> { }); // wakes it to see closed; a busy sender sees it after its effect
        }
        executor.shutdown();
    }

    /** Opens the new price subscription before closing the old one, so no tick is lost in between. */
    private synchronized void watch(Market market, Set<Symbol> symbols) {
        try {
            AutoCloseable next = venue(market).subscribePrices(symbols, event -> post.accept(new Inbound.VenueIn(event)));
            closePrices(prices.put(market, next));
        } catch (VenueException | RuntimeException e) {
            LOG.log(Level.WARNING, market.wireName() + " price subscription for " + symbols + " failed; marks stay stale", e);
        }
    }

    private static void closePrices(AutoCloseable subscription) {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing a price subscription failed", e);
            }
        }
    }

    private Inbound perform(Effect effect) {
        return switch (effect) {
            case Effect.Submit s -> submit(s.request());
            case Effect.SubmitAtLeverage s -> {
                String problem = setLeverage(s);
                yield problem == null ? submit(s.request()) : new Inbound.SubmitAnswered(s.request().clientOrderId(),
                        new SubmitResult.NotPlaced(new VenueError(VenueError.Kind.REJECTED, 0, 0, problem, null)));
            }
            case Effect.FetchFuturesPositions f -> {
                try {
                    yield venue(Market.FUTURES) instanceof FuturesVenue futures
                            ? new Inbound.FuturesPositionsFetched(futures.positions(), null) : null;
                } catch (VenueException e) {
                    yield new Inbound.FuturesPositionsFetched(null, e.error());
                } catch (RuntimeException e) {
                    yield new Inbound.FuturesPositionsFetched(null, error("the venue adapter failed: " + e));
                }
            }
            case Effect.SubmitOco s -> {
                io.tradeguard.core.venue.OcoResult result;
                try {
                    result = venue(Market.SPOT).submitOco(s.request()); // OCO lists are spot-only
                } catch (RuntimeException e) {
                    result = new io.tradeguard.core.venue.OcoResult.Unknown(error("the venue adapter failed: " + e));
                }
                yield new Inbound.OcoAnswered(s.request(), result);
            }
            case Effect.Cancel c -> {
                try {
                    yield new Inbound.CancelAnswered(c.clientOrderId(), venue(c.market()).cancel(c.symbol(), c.clientOrderId()), null);
                } catch (VenueException e) {
                    yield new Inbound.CancelAnswered(c.clientOrderId(), null, e.error());
                } catch (RuntimeException e) {
                    yield new Inbound.CancelAnswered(c.clientOrderId(), null, error("the venue adapter failed: " + e));
                }
            }
            case Effect.Query q -> query(venue(q.market()), q.symbol(), q.clientOrderId());
            case Effect.WatchPrices w -> {
                watch(w.market(), w.symbols());
                yield null;
            }
            case Effect.FetchVenue f -> fetch(f);
        };
    }

    private Inbound submit(OrderRequest request) {
        SubmitResult result;
        try {
            result = venue(request.market()).submit(request);
        } catch (RuntimeException e) {
            // the adapter broke mid-call: the request may have gone out, so the outcome is unknown
            result = new SubmitResult.Unknown(error("the venue adapter failed: " + e));
        }
        return new Inbound.SubmitAnswered(request.clientOrderId(), result);
    }

    /** Margin type and leverage of the symbol before its order; null when set, else why not (nothing was sent). */
    private String setLeverage(Effect.SubmitAtLeverage s) {
        Symbol symbol = s.request().symbol();
        if (!(venue(Market.FUTURES) instanceof FuturesVenue futures)) {
            return "the futures venue cannot set leverage";
        }
        try {
            if (!marginTypeSet.contains(symbol)) {
                futures.setMarginType(symbol, marginType);
                marginTypeSet.add(symbol);
            }
            Integer known = leverages.get(symbol);
            if (known == null || known != s.leverage()) {
                leverages.put(symbol, futures.setLeverage(symbol, s.leverage(), s.cap()));
            }
            return null;
        } catch (VenueException e) {
            return "the leverage of " + symbol + " could not be set to " + s.leverage() + "x (" + marginType
                    + " margin): " + e.error().message();
        } catch (RuntimeException e) {
            return "the leverage of " + symbol + " could not be set: " + e;
        }
    }

    private Inbound query(Venue venue, Symbol symbol, ClientOrderId id) {
        try {
            return new Inbound.QueryAnswered(id, venue.query(symbol, id).orElse(null), null);
        } catch (VenueException e) {
            return new Inbound.QueryAnswered(id, null, e.error());
        } catch (RuntimeException e) {
            return new Inbound.QueryAnswered(id, null, error("the venue adapter failed: " + e));
        }
    }

    private Inbound fetch(Effect.FetchVenue fetch) {
        Venue venue = venue(fetch.market());
        try {
            List<OrderUpdate> open = venue.openOrders();
            Map<ClientOrderId, Order> local = fetch.localOrders().stream()
                    .collect(Collectors.toMap(Order::clientOrderId, Function.identity(), (a, b) -> b));
            List<VenueSnapshot.QueryAnswer> answers = new ArrayList<>();
            Set<Symbol> symbols = new TreeSet<>(fetch.tradeSymbols());
            open.forEach(o -> symbols.add(o.symbol()));
            for (ClientOrderId id : Reconciler.ordersToQuery(fetch.localOrders(), open)) {
                Order order = local.get(id);
                symbols.add(order.symbol());
                try {
                    Optional<OrderUpdate> found = venue.query(order.symbol(), id);
                    answers.add(new VenueSnapshot.QueryAnswer(id, found.orElse(null)));
                } catch (VenueException e) {
                    // left out: the order stays unresolved until the next run
                }
            }
            List<Venue.AccountTrade> trades = new ArrayList<>();
            for (Symbol symbol : symbols) {
                trades.addAll(venue.trades(symbol, fetch.tradesSince()));
            }
            List<Balance> balances = venue.balances();
            return new Inbound.VenueFetched(fetch.market(), new VenueSnapshot(venue.market(), open, answers, trades, balances,
                    clock.instant()), null);
        } catch (VenueException e) {
            return new Inbound.VenueFetched(fetch.market(), null, e.error());
        } catch (RuntimeException e) {
            return new Inbound.VenueFetched(fetch.market(), null, error("the venue adapter failed: " + e));
        }
    }

    private static VenueError error(String message) {
        return new VenueError(VenueError.Kind.UNKNOWN_OUTCOME, 0, 0, message, null);
    }
}
