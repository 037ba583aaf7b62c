package io.tradeguard.server;

import io.javalin.http.Context;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.server.api.Signal;
import io.tradeguard.server.api.SignalApi;
import io.tradeguard.server.auth.Principal;
import io.tradeguard.server.http.Access;
import io.tradeguard.server.http.Answers;
import io.tradeguard.server.http.JsonFields;
import io.tradeguard.server.http.QueryParams;
import io.tradeguard.server.http.RequestBodies;
import io.tradeguard.server.http.RouteTable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@code /api/signals}: signals by REST, and what was decided about the recent ones. */
final class SignalRoutes {
    private final SignalApi signals;
    private final RequestBodies bodies;
    private final Answers answers;
    private final InstantSource clock;

    SignalRoutes(SignalApi signals, RequestBodies bodies, Answers answers, InstantSource clock) {
        this.signals = signals;
        this.bodies = bodies;
        this.answers = answers;
        this.clock = clock;
    }

    void addTo(RouteTable table) {
        table.post("/api/signals", Access.TRADER, "Submit a trading signal", this::submit);
        table.get("/api/signals", Access.VIEWER, "Recent signals and what was decided (?limit=, default 50)",
                (ctx, who) -> answers.ok(ctx, signals.recent(QueryParams.integer(ctx, "limit", 50, 1, 500))));
    }

    private void submit(Context ctx, Principal who) {
        JsonFields f = bodies.fields(ctx);
        Optional<String> id = f.text("id");
        id.ifPresent(v -> {
            if (!v.matches("[A-Za-z0-9._:-]{1,64}")) {
                f.error("id", "id must be 1-64 letters, digits, '.', '_', ':' or '-'");
            }
        });
        Optional<Symbol> symbol = f.required("symbol", f.parsed("symbol", Symbol::of));
        Market market = f.parsed("market", Market::parse).orElse(Market.SPOT);
        Optional<Signal.Direction> direction = f.required("direction", f.parsed("direction", SignalRoutes::direction));
        Optional<BigDecimal> confidence = f.required("confidence", f.nonNegativeDecimal("confidence"));
        if (confidence.isPresent() && confidence.get().compareTo(BigDecimal.ONE) > 0) {
            f.error("confidence", "confidence is between 0 and 1");
        }
        Optional<BigDecimal> entry = f.positiveDecimal("entry");
        Optional<BigDecimal> stopLoss = f.positiveDecimal("stop_loss");
        Optional<BigDecimal> takeProfit = f.positiveDecimal("take_profit");
        Optional<Integer> leverage = f.integer("leverage", 1, 125);
        Optional<BigDecimal> sizeUsd = f.positiveDecimal("size_usd");
        Optional<String> strategy = f.text("strategy").filter(s -> checkLabel(f, "strategy", s));
        Optional<String> source = f.text("source").filter(s -> checkLabel(f, "source", s));
        Optional<Instant> time = f.parsed("time", SignalRoutes::instant);
        f.finish();
        Signal signal = new Signal(id.orElseGet(() -> UUID.randomUUID().toString()), symbol.orElseThrow(), market,
                direction.orElseThrow(), confidence.orElseThrow(), entry.orElse(null), stopLoss.orElse(null),
                takeProfit.orElse(null), leverage.orElse(null), sizeUsd.orElse(null), strategy.orElse(null),
                source.orElse("api"), time.orElse(clock.instant()));
        answers.outcome(ctx, signals.submit(who, signal));
    }

    private static boolean checkLabel(JsonFields f, String name, String value) {
        if (value.length() > 100 || !value.matches("[\\p{Print}]*")) {
            f.error(name, name + " must be at most 100 printable characters");
            return false;
        }
        return true;
    }

    private static Signal.Direction direction(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "LONG" -> Signal.Direction.LONG;
            case "SHORT" -> Signal.Direction.SHORT;
            case "CLOSE" -> Signal.Direction.CLOSE;
            default -> throw new IllegalArgumentException("use LONG, SHORT or CLOSE");
        };
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("use an ISO-8601 UTC time like 2025-01-31T12:00:00Z");
        }
    }
}
