package io.tradeguard.core.order;

import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.order.OrderTransitions.Move;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every (status, trigger) pair of the table, written out again here by hand. */
class OrderTransitionsTest {

    // columns: PENDING_NEW NEW PARTIALLY_FILLED FILLED CANCELED REJECTED EXPIRED EXPIRED_IN_MATCH ANSWER_LOST NOT_PLACED
    private static final Map<OrderStatus, String> EXPECTED = Map.of(
            OrderStatus.PENDING_SUBMIT, "A A A A A A A A A A",
            OrderStatus.UNKNOWN, "A A A A A A A A S A",
            OrderStatus.PENDING_NEW, "S A A A A A A A I I",
            OrderStatus.NEW, "S S A A A I A A I I",
            OrderStatus.PARTIALLY_FILLED, "S S S A A I A A I I",
            OrderStatus.FILLED, "S S S S I I I I I I",
            OrderStatus.CANCELED, "S S S I S I I I I I",
            OrderStatus.EXPIRED, "S S S I I I S I I I",
            OrderStatus.EXPIRED_IN_MATCH, "S S S I I I I S I I",
            OrderStatus.REJECTED, "I I I I I S I I I S");

    private static final OrderTrigger[] COLUMNS = {
            OrderTrigger.REPORTED_PENDING_NEW, OrderTrigger.REPORTED_NEW, OrderTrigger.REPORTED_PARTIALLY_FILLED,
            OrderTrigger.REPORTED_FILLED, OrderTrigger.REPORTED_CANCELED, OrderTrigger.REPORTED_REJECTED,
            OrderTrigger.REPORTED_EXPIRED, OrderTrigger.REPORTED_EXPIRED_IN_MATCH, OrderTrigger.ANSWER_LOST,
            OrderTrigger.NOT_PLACED};

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (OrderStatus status : OrderStatus.values()) {
            String[] row = EXPECTED.get(status).split(" ");
            for (int i = 0; i < COLUMNS.length; i++) {
                Move move = switch (row[i]) {
                    case "A" -> Move.ADVANCE;
                    case "S" -> Move.STAY;
                    default -> Move.ILLEGAL;
                };
                pairs.add(Arguments.of(status, COLUMNS[i], move));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyPair")
    void theTableSaysWhatWeExpect(OrderStatus from, OrderTrigger trigger, Move expected) {
        assertThat(OrderTransitions.move(from, trigger)).isEqualTo(expected);
    }

    @Test
    void theExpectationsCoverEveryStatusAndTrigger() {
        assertThat(EXPECTED).containsOnlyKeys(OrderStatus.values());
        assertThat(COLUMNS).containsExactlyInAnyOrder(OrderTrigger.values());
    }

    @Test
    void noTriggerLeavesAFinishedOrder() {
        for (OrderStatus status : OrderStatus.values()) {
            if (!status.isTerminal()) {
                continue;
            }
            for (OrderTrigger trigger : OrderTrigger.values()) {
                assertThat(OrderTransitions.move(status, trigger)).isNotEqualTo(Move.ADVANCE);
            }
        }
    }

    @Test
    void theVenueNeverReportsTheEngineOnlyStates() {
        assertThat(OrderTrigger.reported(OrderStatus.PENDING_SUBMIT)).isEmpty();
        assertThat(OrderTrigger.reported(OrderStatus.UNKNOWN)).isEmpty();
        for (OrderStatus status : OrderStatus.values()) {
            OrderTrigger.reported(status).ifPresent(t -> assertThat(t.target()).isEqualTo(status));
        }
    }
}
