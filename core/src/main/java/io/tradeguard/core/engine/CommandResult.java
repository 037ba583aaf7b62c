package io.tradeguard.core.engine;

import io.tradeguard.core.model.ClientOrderId;

import java.util.List;

/**
 * The engine's answer to a command, given once what the command decided is journaled. For an order this
 * means "journaled and on its way", not "on the venue": outcomes follow as events.
 */
public sealed interface CommandResult {

    /** @param orders client ids of the orders the command created; notes say what was adjusted */
    record Accepted(List<ClientOrderId> orders, List<String> notes) implements CommandResult {
        public Accepted {
            orders = List.copyOf(orders);
            notes = List.copyOf(notes);
        }

        public ClientOrderId order() {
            if (orders.size() != 1) {
                throw new IllegalStateException("the command created " + orders.size() + " orders");
            }
            return orders.get(0);
        }
    }

    /** Nothing was done; each reason is a sentence a person understands. */
    record Rejected(List<String> reasons) implements CommandResult {
        public Rejected {
            reasons = List.copyOf(reasons);
        }

        static Rejected because(String reason) {
            return new Rejected(List.of(reason));
        }
    }
}
