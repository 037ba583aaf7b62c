package io.tradeguard.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.binance.rest.Json;
import io.tradeguard.binance.stream.StreamProtocol;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.VenueEvent;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.tradeguard.binance.spot.Fields.decimal;
import static io.tradeguard.binance.spot.Fields.millis;
import static io.tradeguard.binance.spot.Fields.text;

/**
 * {@code <symbol>@markPrice} (every 3 s) or {@code @markPrice@1s} on the routed {@code /market} path, as a
 * combined stream (binance-api.md §9.2): each update is a {@link VenueEvent.PriceTick} with markPrice=true.
 */
final class FuturesMarkPriceProtocol implements StreamProtocol {
    private final URI uri;
    private final Consumer<VenueEvent> events;

    FuturesMarkPriceProtocol(URI streamsBase, List<Symbol> symbols, boolean everySecond, Consumer<VenueEvent> events) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("at least one symbol");
        }
        String suffix = everySecond ? "@markPrice@1s" : "@markPrice";
        String names = symbols.stream().map(s -> s.value().toLowerCase(Locale.ROOT) + suffix).collect(Collectors.joining("/"));
        this.uri = URI.create(streamsBase.toString().replaceAll("/+$", "") + "/market/stream?streams=" + names);
        this.events = events;
    }

    @Override
    public String name() {
        return "futures-mark-price";
    }

    @Override
    public URI connectUri() {
        return uri;
    }

    @Override
    public void onOpen(Link link) {
        link.ready();
    }

    @Override
    public Optional<String> onText(String text, Instant receivedAt, Link link) {
        JsonNode message = Json.parse(text);
        JsonNode data = message.has("data") ? message.get("data") : message;
        if ("markPriceUpdate".equals(data.path("e").asText())) {
            BigDecimal mark = decimal(data, "p");
            events.accept(new VenueEvent.PriceTick(Market.FUTURES, Symbol.of(text(data, "s")), mark, true,
                    millis(data, "E"), receivedAt));
        }
        return Optional.empty();
    }
}
