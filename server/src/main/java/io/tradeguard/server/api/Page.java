package io.tradeguard.server.api;

import java.util.List;

/** One page of a longer list; {@code total} counts all matches. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public Page {
        items = List.copyOf(items);
        if (page < 0 || size < 1 || total < 0) {
            throw new IllegalArgumentException("page >= 0, size >= 1, total >= 0");
        }
    }
}
