package io.tradeguard.binance.spot;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.binance.rest.Json;
import io.tradeguard.binance.stream.ReconnectingSocket;
import io.tradeguard.binance.stream.StreamProtocol;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.BookTicker;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static io.tradeguard.binance.spot.Fields.decimal;
import static io.tradeguard.binance.spot.Fields.millis;
import static io.tradeguard.binance.spot.Fields.text;

/**
 * Spot market streams on one combined connection ({@code /stream?streams=a/b}, binance-api.md §9):
 * streams are added and removed live with SUBSCRIBE/UNSUBSCRIBE, and a reconnect asks for the current
 * set again. {@code @trade} and {@code @kline_*} become {@link VenueEvent.PriceTick}s (the trade price,
 * the kline's last close); {@code @bookTicker} goes to the quote listener.
 */
public final class SpotMarketStreams implements AutoCloseable {

    /** A stream name as Binance spells it. */
    public sealed interface Stream {
        String wireName();

        record Trades(Symbol symbol) implements Stream {
            public String wireName() {
                return symbol.streamName() + "@trade";
            }
        }

        record BookTickers(Symbol symbol) implements Stream {
            public String wireName() {
                return symbol.streamName() + "@bookTicker";
            }
        }

        /** The top {@code levels} (5, 10 or 20) of the book every 100 ms: {@code <symbol>@depth<levels>@100ms}. */
        record PartialDepth(Symbol symbol, int levels) implements Stream {
            public PartialDepth {
                if (levels != 5 && levels != 10 && levels != 20) {
                    throw new IllegalArgumentException("partial depth has 5, 10 or 20 levels, not " + levels);
                }
            }

            public String wireName() {
                return symbol.streamName() + "@depth" + levels + "@100ms";
            }
        }

        record Klines(Symbol symbol, String interval) implements Stream {
            public Klines {
                if (!List.of("1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M").contains(interval)) {
                    throw new IllegalArgumentException("unknown kline interval '" + interval + "'");
                }
            }

            public String wireName() {
                return symbol.streamName() + "@kline_" + interval;
            }
        }
    }

    private final URI streamBase;
    private final Consumer<VenueEvent> events;
    private final Consumer<BookTicker> quotes;
    private final Consumer<io.tradeguard.core.venue.OrderBook> books;
    private final Set<String> streams = new LinkedHashSet<>();
    private final AtomicLong ids = new AtomicLong();
    private final ReconnectingSocket socket;
    private volatile StreamProtocol.Link link;

    SpotMarketStreams(URI streamBase, Collection<Stream> initial, HttpClient http, ReconnectingSocket.Settings settings,
                      Consumer<VenueEvent> events, Consumer<BookTicker> quotes, InstantSource clock, Duration openTimeout)
            throws VenueException {
        this(streamBase, initial, http, settings, events, quotes, book -> { }, clock, openTimeout);
    }

    SpotMarketStreams(URI streamBase, Collection<Stream> initial, HttpClient http, ReconnectingSocket.Settings settings,
                      Consumer<VenueEvent> events, Consumer<BookTicker> quotes, Consumer<io.tradeguard.core.venue.OrderBook> books,
                      InstantSource clock, Duration openTimeout) throws VenueException {
        if (initial.isEmpty()) {
            throw new IllegalArgumentException("a market stream connection needs at least one stream");
        }
        this.streamBase = streamBase;
        this.events = events;
        this.quotes = quotes;
        this.books = books;
        initial.forEach(s -> streams.add(s.wireName()));
        this.socket = new ReconnectingSocket(new Protocol(), http, settings, events, clock);
        socket.start(openTimeout);
    }

    public void subscribe(Stream stream) {
        boolean added;
        synchronized (streams) {
            added = streams.add(stream.wireName());
        }
        if (added) {
            control("SUBSCRIBE", stream.wireName());
        }
    }

    /** The last stream stays subscribed: a combined connection cannot be empty. */
    public void unsubscribe(Stream stream) {
        boolean removed;
        synchronized (streams) {
            removed = streams.size() > 1 && streams.remove(stream.wireName());
        }
        if (removed) {
            control("UNSUBSCRIBE", stream.wireName());
        }
    }

    public Set<String> streams() {
        synchronized (streams) {
            return Set.copyOf(streams);
        }
    }

    public boolean isLive() {
        return socket.isLive();
    }

    private void control(String method, String stream) {
        StreamProtocol.Link current = link;
        if (current != null) {
            try {
                current.send(Json.write(Map.of("method", method, "params", List.of(stream), "id", ids.incrementAndGet())));
            } catch (RuntimeException e) {
                // not connected right now: the reconnect asks for the current set
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }

    private final class Protocol implements StreamProtocol {
        @Override
        public String name() {
            return "spot-market";
        }

        @Override
        public URI connectUri() {
            synchronized (streams) {
                return URI.create(streamBase.toString().replaceAll("/+$", "") + "/stream?streams=" + String.join("/", streams));
            }
        }

        @Override
        public void onOpen(Link newLink) {
            link = newLink;
            newLink.ready(); // streams named in the URL are live from the first frame
        }

        @Override
        public Optional<String> onText(String text, Instant receivedAt, Link ignored) {
            return read(Json.parse(text), receivedAt, events, quotes, books);
        }
    }

    /** One combined-stream message; returns a reason to reconnect (a shutdown notice), or empty. */
    static Optional<String> read(JsonNode message, Instant receivedAt, Consumer<VenueEvent> events, Consumer<BookTicker> quotes) {
        return read(message, receivedAt, events, quotes, book -> { });
    }

    static Optional<String> read(JsonNode message, Instant receivedAt, Consumer<VenueEvent> events, Consumer<BookTicker> quotes,
                                 Consumer<io.tradeguard.core.venue.OrderBook> books) {
        if (message.has("result") || message.has("code")) {
            return Optional.empty(); // answer to SUBSCRIBE/UNSUBSCRIBE
        }
        JsonNode data = message.has("data") ? message.get("data") : message;
        String stream = message.path("stream").asText("");
        int at = stream.indexOf("@depth");
        if (at > 0 && data.has("bids") && data.has("asks")) {
            // a partial depth payload names no symbol: the combined stream's name does
            books.accept(SpotParsers.depth(Symbol.of(stream.substring(0, at).toUpperCase(java.util.Locale.ROOT)), data));
            return Optional.empty();
        }
        if (stream.endsWith("@bookTicker") || (!data.has("e") && data.has("b") && data.has("a"))) {
            quotes.accept(new BookTicker(Symbol.of(text(data, "s")), decimal(data, "b"), decimal(data, "B"),
                    decimal(data, "a"), decimal(data, "A")));
            return Optional.empty();
        }
        switch (data.path("e").asText("")) {
            case "trade" -> events.accept(new VenueEvent.PriceTick(Market.SPOT, Symbol.of(text(data, "s")),
                    decimal(data, "p"), false, millis(data, "T"), receivedAt));
            case "kline" -> events.accept(new VenueEvent.PriceTick(Market.SPOT, Symbol.of(text(data, "s")),
                    decimal(data.get("k"), "c"), false, millis(data, "E"), receivedAt));
            case "serverShutdown" -> {
                return Optional.of("the venue announced a shutdown");
            }
            default -> {
                // other stream types are not subscribed by this manager
            }
        }
        return Optional.empty();
    }
}
