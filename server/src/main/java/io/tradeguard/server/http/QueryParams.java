package io.tradeguard.server.http;

import io.javalin.http.Context;

import java.util.Optional;
import java.util.function.Function;

/** Query parameters read strictly: a bad value is a 400 naming the parameter, never a silent default. */
public final class QueryParams {
    private QueryParams() {
    }

    public static <T> Optional<T> parsed(Context ctx, String name, Function<String, T> parser) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(name, name + ": " + e.getMessage());
        }
    }

    public static int integer(Context ctx, String name, int fallback, int min, int max) {
        return parsed(ctx, name, text -> {
            int value;
            try {
                value = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return value;
        }).orElse(fallback);
    }
}
