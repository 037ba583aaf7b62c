package io.tradeguard.sim.engine;

import java.util.List;

/** What a command did: business results as values, never exceptions. */
public sealed interface Outcome {
    record Placed(OrderView order, List<Fill> fills, long transactTime) implements Outcome {
        public Placed {
            fills = fills.isEmpty() ? List.of() : List.copyOf(fills);
        }
    }

    record ListPlaced(OrderListView list, long transactTime) implements Outcome {
    }

    /** A cancel; {@code list} is set when the order belonged to an OCO (the whole list went). */
    record Canceled(OrderView order, String cancelClientOrderId, OrderListView list, long transactTime)
            implements Outcome {
    }

    record ListCanceled(OrderListView list, String cancelClientOrderId, long transactTime) implements Outcome {
    }

    record Rejected(Reject reject) implements Outcome {
    }
}
