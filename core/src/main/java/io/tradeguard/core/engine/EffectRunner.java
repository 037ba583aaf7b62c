package io.tradeguard.core.engine;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.reconcile.Reconciler;
import io.tradeguard.core.reconcile.VenueSnapshot;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.Venue;
import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueException;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** The I/O worker: performs each effect on a virtual thread and posts the answer back to the engine. */
final class EffectRunner {
    private final Venue venue;
    private final Consumer<Inbound> post;
    private final InstantSource clock;
    private static final Logger LOG = Logger.getLogger(EffectRunner.class.getName());
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private AutoCloseable prices;

    EffectRunner(Venue venue, Consumer<Inbound> post, InstantSource clock) {
        this.venue = venue;
        this.post = post;
        this.clock = clock;
    }

    void run(Effect effect) {
        executor.execute(() -> {
            Inbound answer = perform(effect);
            if (answer != null) {
                post.accept(answer);
            }
        });
    }

    void shutdown() {
        synchronized (this) {
            closePrices(prices);
            prices = null;
        }
        executor.shutdown();
    }

    /** Opens the new price subscription before closing the old one, so no tick is lost in between. */
    private synchronized void watch(Set<Symbol> symbols) {
        try {
            AutoCloseable next = venue.subscribePrices(symbols, event -> post.accept(new Inbound.VenueIn(event)));
            closePrices(prices);
            prices = next;
        } catch (VenueException | RuntimeException e) {
            LOG.log(Level.WARNING, "price subscription for " + symbols + " failed; marks stay stale", e);
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
            case Effect.Submit s -> {
                SubmitResult result;
                try {
                    result = venue.submit(s.request());
                } catch (RuntimeException e) {
                    // the adapter broke mid-call: the request may have gone out, so the outcome is unknown
                    result = new SubmitResult.Unknown(error("the venue adapter failed: " + e));
                }
                yield new Inbound.SubmitAnswered(s.request().clientOrderId(), result);
            }
            case Effect.SubmitOco s -> {
                io.tradeguard.core.venue.OcoResult result;
                try {
                    result = venue.submitOco(s.request());
                } catch (RuntimeException e) {
                    result = new io.tradeguard.core.venue.OcoResult.Unknown(error("the venue adapter failed: " + e));
                }
                yield new Inbound.OcoAnswered(s.request(), result);
            }
            case Effect.Cancel c -> {
                try {
                    yield new Inbound.CancelAnswered(c.clientOrderId(), venue.cancel(c.symbol(), c.clientOrderId()), null);
                } catch (VenueException e) {
                    yield new Inbound.CancelAnswered(c.clientOrderId(), null, e.error());
                } catch (RuntimeException e) {
                    yield new Inbound.CancelAnswered(c.clientOrderId(), null, error("the venue adapter failed: " + e));
                }
            }
            case Effect.Query q -> query(q.symbol(), q.clientOrderId());
            case Effect.WatchPrices w -> {
                watch(w.symbols());
                yield null;
            }
            case Effect.FetchVenue f -> fetch(f);
        };
    }

    private Inbound query(Symbol symbol, ClientOrderId id) {
        try {
            return new Inbound.QueryAnswered(id, venue.query(symbol, id).orElse(null), null);
        } catch (VenueException e) {
            return new Inbound.QueryAnswered(id, null, e.error());
        } catch (RuntimeException e) {
            return new Inbound.QueryAnswered(id, null, error("the venue adapter failed: " + e));
        }
    }

    private Inbound fetch(Effect.FetchVenue fetch) {
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
            return new Inbound.VenueFetched(new VenueSnapshot(venue.market(), open, answers, trades, balances,
                    clock.instant()), null);
        } catch (VenueException e) {
            return new Inbound.VenueFetched(null, e.error());
        } catch (RuntimeException e) {
            return new Inbound.VenueFetched(null, error("the venue adapter failed: " + e));
        }
    }

    private static VenueError error(String message) {
        return new VenueError(VenueError.Kind.UNKNOWN_OUTCOME, 0, 0, message, null);
    }
}
