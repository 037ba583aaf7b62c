package io.tradeguard.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.binance.rest.Json;
import io.tradeguard.binance.stream.StreamProtocol;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.OrderBook;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.tradeguard.binance.spot.Fields.text;

/**
 * Futures partial book depth, {@code <symbol>@depth<levels>@100ms}, on the routed {@code /public} path as one combined
 * stream (binance-api.md §1.2, §9): each message is the top levels of one contract's book,
 * {@code {e:"depthUpdate", E, T, s, U, u, pu, b, a}}, delivered whole as an {@link OrderBook}.
 */
final class FuturesDepthProtocol implements StreamProtocol {
    private final URI uri;
    private final Consumer<OrderBook> books;

    FuturesDepthProtocol(URI streamsBase, List<Symbol> symbols, int levels, Consumer<OrderBook> books) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("at least one symbol");
        }
        if (levels != 5 && levels != 10 && levels != 20) {
            throw new IllegalArgumentException("partial depth has 5, 10 or 20 levels, not " + levels);
        }
        String names = symbols.stream().map(s -> s.streamName() + "@depth" + levels + "@100ms").collect(Collectors.joining("/"));
        this.uri = URI.create(streamsBase.toString().replaceAll("/+$", "") + "/public/stream?streams=" + names);
        this.books = books;
    }

    @Override
    public String name() {
        return "futures-depth";
    }

    @Override
    public URI connectUri() {
        return uri;
    }

    @Override
    public void onOpen(Link link) {
        link.ready(); // streams named in the URL are live from the first frame
    }

    @Override
    public Optional<String> onText(String text, Instant receivedAt, Link link) {
        JsonNode message = Json.parse(text);
        JsonNode data = message.has("data") ? message.get("data") : message;
        if ("depthUpdate".equals(data.path("e").asText()) && data.has("b") && data.has("a")) {
            books.accept(book(data));
        }
        return Optional.empty();
    }

    /** One partial-depth payload as a book: bids best first, asks best first, as Binance orders them. */
    static OrderBook book(JsonNode data) {
        return new OrderBook(Symbol.of(text(data, "s")), data.path("u").asLong(), levels(data.path("b")), levels(data.path("a")));
    }

    private static List<OrderBook.Level> levels(JsonNode side) {
        List<OrderBook.Level> out = new ArrayList<>(side.size());
        for (JsonNode level : side) {
            out.add(new OrderBook.Level(new BigDecimal(level.get(0).asText()), new BigDecimal(level.get(1).asText())));
        }
        return out;
    }
}
