package io.tradeguard.core.guard;

import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.OrderBook;
import io.tradeguard.core.venue.Venue;
import io.tradeguard.core.venue.VenueException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a book stream open for every symbol the engine trades on one venue (one market), feeding the slippage rule. Opened from I/O
 * workers (with the price stream) or on a virtual thread when a market order finds no book: never on the
 * engine thread. A symbol whose stream failed is tried again the next time it is asked for.
 */
final class BookFeed implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BookFeed.class.getName());

    private final Venue venue;
    private final Consumer<OrderBook> sink;
    private final Set<Symbol> streamed = new HashSet<>();
    private final Set<Symbol> opening = new HashSet<>();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private boolean closed;

    private final java.util.function.BiConsumer<Symbol, io.tradeguard.core.venue.CommissionRates> fees;

    /** What else is read once per symbol when its book stream opens (a futures contract's maintenance brackets). */
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
            try {
                venue.commissionRates(symbol).ifPresent(rates -> fees.accept(symbol, rates));
            } catch (VenueException | RuntimeException e) {
                LOG.log(Level.WARNING, "the commission rates of " + symbol + " could not be read; the standard rate is assumed", e);
            }
            try {
                alsoRead.read(symbol);
            } catch (VenueException | RuntimeException e) {
                LOG.log(Level.WARNING, "the " + venue.market().wireName() + " settings of " + symbol + " could not be read", e);
            }
        }
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
