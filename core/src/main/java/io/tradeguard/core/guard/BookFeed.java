package io.tradeguard.core.guard;

import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.OrderBook;
import io.tradeguard.core.venue.Venue;
import io.tradeguard.core.venue.VenueException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a book stream open for every symbol the engine trades on one venue (one market), feeding the slippage rule. Opened from I/O
 * workers (with the price stream) or on a virtual thread when a market order finds no book: never on the
 * engine thread. A symbol whose stream failed is tried again the next time it is asked for. The account's commission
 * rates of every streamed symbol (and what else the guards keep per symbol) are read when its stream opens and again
 * every {@link #refreshEvery} (an hour by default), on a virtual thread of their own.
 */
final class BookFeed implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BookFeed.class.getName());
    /** How often a streamed symbol's commission rates and other settings are read again, unless told otherwise. */
    static final Duration DEFAULT_REFRESH = Duration.ofHours(1);

    private final Venue venue;
    private final Consumer<OrderBook> sink;
    private final Set<Symbol> streamed = new HashSet<>();
    private final Set<Symbol> opening = new HashSet<>();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private boolean closed;
    private volatile Duration refreshEvery = DEFAULT_REFRESH;
    private ScheduledExecutorService refresher;
    private ScheduledFuture<?> refreshing;

    private final java.util.function.BiConsumer<Symbol, io.tradeguard.core.venue.CommissionRates> fees;

    /** What else is read per symbol when its book stream opens, and again with the commission rates (a futures contract's maintenance brackets). */
    interface SymbolReading {
        void read(Symbol symbol) throws VenueException;
    }

    private final SymbolReading alsoRead;

    BookFeed(Venue venue, Consumer<OrderBook> sink) {
        this(venue, sink, (symbol, rates) -> { }, symbol -> { });
    }

    /**
     * @param fees     gets the account's commission rates of each symbol whose book stream opens, when the venue says
     * @param alsoRead reads what else the guards keep per symbol, at the same time
     */
    BookFeed(Venue venue, Consumer<OrderBook> sink, java.util.function.BiConsumer<Symbol, io.tradeguard.core.venue.CommissionRates> fees,
             SymbolReading alsoRead) {
        this.venue = venue;
        this.sink = sink;
        this.fees = fees;
        this.alsoRead = alsoRead;
    }

    /** Opens a book stream for the symbols that have none yet; blocks on the venue, so never on the engine thread. */
    void ensure(Collection<Symbol> symbols) {
        Set<Symbol> missing = claim(symbols);
        if (missing.isEmpty()) {
            return;
        }
        Optional<AutoCloseable> subscription = Optional.empty();
        try {
            subscription = venue.subscribeBooks(missing, sink);
            if (subscription.isEmpty()) {
                LOG.warning("the venue offers no book stream; market orders in " + missing + " are refused");
            }
        } catch (VenueException | RuntimeException e) {
            LOG.log(Level.WARNING, "no book stream for " + missing + "; market orders there are refused until one opens", e);
        } finally {
            settle(missing, subscription.orElse(null));
        }
        for (Symbol symbol : missing) {
            readSettings(symbol, false);
        }
    }

    /**
     * Reads the symbol's commission rates and what else is kept per symbol. A failed read changes nothing: at the
     * first read the standard rate stays assumed, at a re-read the last values the venue said stay in use.
     */
    private void readSettings(Symbol symbol, boolean again) {
        try {
            venue.commissionRates(symbol).ifPresent(rates -> fees.accept(symbol, rates));
        } catch (VenueException | RuntimeException e) {
            LOG.log(Level.WARNING, again
                    ? "the commission rates of " + symbol + " could not be read again; the last known rates stay in use. "
                            + "Check the connection to the venue and the API key; the next try is in " + inWords(refreshEvery)
                    : "the commission rates of " + symbol + " could not be read; the standard rate is assumed", e);
        }
        try {
            alsoRead.read(symbol);
        } catch (VenueException | RuntimeException e) {
            LOG.log(Level.WARNING, again
                    ? "the " + venue.market().wireName() + " settings of " + symbol + " could not be read again; the last known "
                            + "ones stay in use. Check the connection to the venue and the API key; the next try is in " + inWords(refreshEvery)
                    : "the " + venue.market().wireName() + " settings of " + symbol + " could not be read", e);
        }
    }

    /**
     * How often the commission rates (and the other per-symbol settings) of every streamed symbol are read again:
     * Binance changes an account's commission and a contract's leverage brackets over time.
     */
    void refreshEvery(Duration every) {
        Objects.requireNonNull(every, "every");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the settings refresh interval must be positive, not " + every);
        }
        synchronized (this) {
            refreshEvery = every;
            if (refresher != null) {
                reschedule();
            }
        }
    }

    /** Starts the periodic re-read when the first symbol streams; on one virtual thread of its own, never the engine's. */
    private void startRefreshing() {
        synchronized (this) {
            if (refresher != null || closed) {
                return;
            }
            refresher = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("tg-venue-settings").factory());
            reschedule();
        }
    }

    // guarded by this
    private void reschedule() {
        if (refreshing != null) {
            refreshing.cancel(false);
        }
        long millis = Math.max(1, refreshEvery.toMillis());
        refreshing = refresher.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        List<Symbol> symbols;
        synchronized (this) {
            symbols = closed ? List.of() : List.copyOf(streamed);
        }
        for (Symbol symbol : symbols) {
            synchronized (this) {
                if (closed) {
                    return; // the venue is closing: its answers mean nothing now
                }
            }
            readSettings(symbol, true);
        }
    }

    private static String inWords(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Opens book streams for the symbols that have none, on a virtual thread: the caller never waits for it. */
    void ensureLater(Collection<Symbol> symbols) {
        synchronized (this) {
            if (closed || symbols.stream().allMatch(s -> streamed.contains(s) || opening.contains(s))) {
                return;
            }
        }
        List<Symbol> wanted = List.copyOf(symbols);
        Thread.ofVirtual().name("tg-books").start(() -> ensure(wanted));
    }

    boolean streams(Symbol symbol) {
        synchronized (this) {
            return streamed.contains(symbol);
        }
    }

    private synchronized Set<Symbol> claim(Collection<Symbol> symbols) {
        Set<Symbol> missing = new LinkedHashSet<>();
        if (closed) {
            return missing;
        }
        for (Symbol s : symbols) {
            if (!streamed.contains(s) && opening.add(s)) {
                missing.add(s);
            }
        }
        return missing;
    }

    private void settle(Set<Symbol> symbols, AutoCloseable subscription) {
        boolean late;
        synchronized (this) {
            opening.removeAll(symbols);
            late = closed;
            if (subscription != null && !late) {
                streamed.addAll(symbols);
                subscriptions.add(subscription);
            }
        }
        if (late && subscription != null) {
            quietlyClose(subscription);
        } else if (subscription != null) {
            startRefreshing();
        }
    }

    @Override
    public void close() {
        List<AutoCloseable> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(subscriptions);
            subscriptions.clear();
            streamed.clear();
            if (refresher != null) {
                refresher.shutdownNow();
            }
        }
        all.forEach(BookFeed::quietlyClose);
    }

    private static void quietlyClose(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing a book stream failed", e);
        }
    }
}
