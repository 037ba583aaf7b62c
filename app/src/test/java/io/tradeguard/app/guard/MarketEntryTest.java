package io.tradeguard.app.guard;

import io.tradeguard.app.engine.SimFixture;
import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.risk.RiskConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Market entries against the simulator: the slippage rule gets the book from the venue's @bookTicker stream. */
class MarketEntryTest {

    @TempDir
    Path dir;

    @Test
    void a_market_entry_is_checked_against_the_streamed_book_fills_and_closes_without_leaving_dust() throws Exception {
        try (GuardedEngine g = new GuardedEngine(dir, RiskConfig.defaults())) {
            // given the engine follows BTCUSDT at 50,000: a bid far below the market opens its price and book streams
            g.priceSeen("50000");
            assertThat(g.buyLimit("0.001", "45000")).isInstanceOf(CommandResult.Accepted.class);
            // (the price stream opens after the bid: move the price until the engine has seen a trade on it)
            int[] moves = {0};
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                g.price(moves[0]++ % 2 == 0 ? "50010" : "50000");
                return g.snapshot().price(GuardedEngine.BTCUSDT).isPresent();
            });

            // when it buys 0.01 at market (a refusal before the first book can only say the book is unknown)
            List<CommandResult> refused = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .failFast("a refusal other than an unknown book", () -> !refused.isEmpty() && !bookUnknown(refused.getLast()))
                    .until(() -> {
                CommandResult r = g.buyMarket("0.01");
                if (r instanceof CommandResult.Accepted) {
                    return true;
                }
                refused.add(r);
                return false;
            });
            assertThat(refused).allMatch(MarketEntryTest::bookUnknown);

            // then it went out as a market order and filled; the position is what the wallet got:
            // 0.01 less the 0.1 % commission taken in BTC = 0.00999
            await().atMost(Duration.ofSeconds(10)).until(() -> g.position().isPresent());
            assertThat(g.events(DomainEvent.OrderSubmitted.class)).filteredOn(s -> s.order().type() == OrderType.MARKET)
                    .singleElement();
            assertThat(g.position().orElseThrow().quantity()).isEqualByComparingTo("0.00999");
            assertThat(SimFixture.total(g.venue, "BTC")).isEqualByComparingTo("0.00999");

            // when the position is closed at market
            assertThat(g.submit(new Command.ClosePosition(Market.SPOT, GuardedEngine.BTCUSDT, OrderOrigin.MANUAL, "done")))
                    .isInstanceOf(CommandResult.Accepted.class);

            // then the round trip closes and the wallet holds no BTC at all: nothing was left unsellable
            await().atMost(Duration.ofSeconds(10)).until(() -> !g.events(DomainEvent.PositionClosed.class).isEmpty());
            assertThat(g.position()).isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> SimFixture.total(g.venue, "BTC").signum() == 0);
            assertThat(g.events(DomainEvent.PositionClosed.class).getFirst().trade().quantity()).isEqualByComparingTo("0.00999");
        }
    }

    @Test
    void a_market_order_larger_than_the_best_level_passes_with_the_price_of_the_walked_book() throws Exception {
        // a thin market: 20 levels 2 bips apart, 200 USDT each (0.004 BTC at 50,000)
        try (GuardedEngine g = new GuardedEngine(dir, RiskConfig.defaults(), true,
                new io.tradeguard.sim.engine.Liquidity(20, 2, new BigDecimal("200")))) {
            // and an account that pays 0.25 % as taker, not the standard 0.1 %
            g.control("/sim/v1/fees", "{\"market\":\"spot\",\"maker\":\"0.001\",\"taker\":\"0.0025\"}");
            g.priceSeen("50000");
            assertThat(g.buyLimit("0.001", "45000")).isInstanceOf(CommandResult.Accepted.class);
            int[] moves = {0};
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                g.price(moves[0]++ % 2 == 0 ? "50010" : "50000");
                return g.snapshot().price(GuardedEngine.BTCUSDT).isPresent();
            });

            // (the fee estimates use the account's own rate, read when the symbol's book stream opened)
            await().atMost(Duration.ofSeconds(10)).until(() -> g.guards.takerFeeRate(GuardedEngine.BTCUSDT).compareTo(new BigDecimal("0.0025")) == 0);

            // when it buys 0.01 at market: more than twice the best level
            List<CommandResult> refused = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .failFast("a refusal other than an unknown book", () -> !refused.isEmpty() && !bookUnknown(refused.getLast()))
                    .until(() -> {
                CommandResult r = g.buyMarket("0.01");
                if (r instanceof CommandResult.Accepted) {
                    return true;
                }
                refused.add(r);
                return false;
            });

            // then the expected fill walked the streamed depth (within the 0.5 % allowed) and the order filled over
            // several levels, each dearer than the one before
            await().atMost(Duration.ofSeconds(10)).until(() -> g.events(DomainEvent.OrderFilled.class).stream()
                    .anyMatch(f -> f.order().type() == OrderType.MARKET));
            List<io.tradeguard.core.venue.Fill> fills = new ArrayList<>();
            g.events.forEach(e -> {
                if (e instanceof DomainEvent.OrderPartiallyFilled p && p.order().type() == OrderType.MARKET) {
                    fills.add(p.fill());
                } else if (e instanceof DomainEvent.OrderFilled f && f.order().type() == OrderType.MARKET && f.fill() != null) {
                    fills.add(f.fill());
                }
            });
            assertThat(fills).hasSizeGreaterThanOrEqualTo(3);
            assertThat(fills.getLast().price()).isGreaterThan(fills.getFirst().price());
            assertThat(g.position().orElseThrow().entryPrice()).isBetween(new BigDecimal("50000"), new BigDecimal("50250"));
        }
    }

    private static boolean bookUnknown(CommandResult result) {
        return result instanceof CommandResult.Rejected r
                && r.reasons().stream().anyMatch(reason -> reason.contains("order book of BTCUSDT is unknown"));
    }
}
