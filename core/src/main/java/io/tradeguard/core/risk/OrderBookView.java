package io.tradeguard.core.risk;

import java.util.List;
import java.util.Objects;

/**
 * The top of one symbol's book: bids best (highest) first, asks best (lowest) first, as the depth
 * stream or {@code GET /api/v3/depth} gives them.
 */
public record OrderBookView(List<BookLevel> bids, List<BookLevel> asks) {
    public OrderBookView {
        bids = List.copyOf(Objects.requireNonNull(bids, "bids"));
        asks = List.copyOf(Objects.requireNonNull(asks, "asks"));
        for (int i = 1; i < bids.size(); i++) {
            if (bids.get(i).price().compareTo(bids.get(i - 1).price()) > 0) {
                throw new IllegalArgumentException("bids must be sorted best (highest) first");
            }
        }
        for (int i = 1; i < asks.size(); i++) {
            if (asks.get(i).price().compareTo(asks.get(i - 1).price()) < 0) {
                throw new IllegalArgumentException("asks must be sorted best (lowest) first");
            }
        }
    }
}
