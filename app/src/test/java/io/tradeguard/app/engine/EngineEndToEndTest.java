package io.tradeguard.app.engine;

import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.core.engine.Command;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.ClosedTrade;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.ledger.PositionSide;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.sim.SimAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static io.tradeguard.app.engine.EngineOnSim.BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine end to end: the real Binance client, the real simulator over loopback, the journal in a
 * SQLite file. Every fill has a counterparty placed by the test, so every price and commission is
 * known and the P&L can be worked out by hand.
 */
class EngineEndToEndTest {
    @TempDir
    Path dir;
    private SimFixture sim;
    private EngineOnSim e;

    @BeforeEach
    void start() {
        sim = new SimFixture();
    }

    @AfterEach
    void stop() {
        if (e != null) {
            e.close();
        }
        sim.close();
    }

    @Test
    void marketAndLimitOrdersPartialFillsAndACancelEndInAClosedTradeWhosePnlMatchesTheHandCalculation() throws Exception {
        SimAccount account = sim.engineAccount();
        SimAccount other = sim.counterparty();
        BinanceSpotVenue oracle = sim.oracle(account);
        e = new EngineOnSim(sim, account, dir.resolve("tg.db"), Duration.ofMillis(100));

        // given another trader offers 0.01 BTC at 50,000, when the engine buys 0.01 at market
        sim.externalOrder(other, "SELL", "LIMIT", "0.01", "50000");
        ClientOrderId market = e.market(Side.BUY, "0.01");
        e.awaitEvent(DomainEvent.OrderFilled.class, f -> f.order().clientOrderId().equals(market));
        // then it is filled at 50,000 as taker, commission 0.1 % of the BTC received (the fill may arrive
        // with the response or after it on the user stream; either way it is journaled once)
        await("the market order's fill").atMost(EngineOnSim.DEADLINE).until(() -> e.fills(market).size() == 1);
        Fill marketFill = e.fills(market).getFirst();
        assertThat(marketFill.price()).isEqualByComparingTo("50000");
        assertThat(marketFill.quantity()).isEqualByComparingTo("0.01");
        assertThat(marketFill.commission()).isEqualByComparingTo("0.00001");
        assertThat(marketFill.commissionAsset()).isEqualTo(Asset.of("BTC"));
        assertThat(marketFill.maker()).isFalse();

        // when the engine bids 0.03 at 49,000
        ClientOrderId limit = e.limit(Side.BUY, "0.03", "49000");
        e.awaitSnapshot("the bid rests", s -> s.order(limit).map(o -> o.status() == OrderStatus.NEW).orElse(false));

        // and sellers take it in two parts: 0.01, then 0.01
        sim.externalOrder(other, "SELL", "LIMIT", "0.01", "49000");
        Order part = e.awaitSnapshot("the first part", s -> s.order(limit)
                .map(o -> o.filledQuantity().compareTo(new BigDecimal("0.01")) == 0).orElse(false)).order(limit).orElseThrow();
        assertThat(part.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        sim.externalOrder(other, "SELL", "LIMIT", "0.01", "49000");
        Order twoParts = e.awaitSnapshot("the second part", s -> s.order(limit)
                .map(o -> o.filledQuantity().compareTo(new BigDecimal("0.02")) == 0).orElse(false)).order(limit).orElseThrow();
        assertThat(twoParts.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(twoParts.averageFillPrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("49000"));
        assertThat(e.events(DomainEvent.OrderPartiallyFilled.class, f -> f.order().clientOrderId().equals(limit))).hasSize(2);

        // and the engine cancels the rest
        e.accepted(new Command.CancelOrder(limit, "enough"));
        DomainEvent.OrderCancelled cancelled = e.awaitEvent(DomainEvent.OrderCancelled.class, c -> c.order().clientOrderId().equals(limit));
        assertThat(cancelled.order().filledQuantity()).isEqualByComparingTo("0.02");
        assertThat(SimFixture.allOrders(oracle)).filteredOn(o -> o.path("clientOrderId").asText().equals(limit.value()))
                .singleElement().satisfies(o -> {
                    assertThat(o.path("status").asText()).isEqualTo("CANCELED");
                    assertThat(new BigDecimal(o.path("executedQty").asText())).isEqualByComparingTo("0.02");
                });

        // then the position is what the wallet got: each fill less its 0.1 % commission taken in BTC,
        // 0.01 − 0.00001 = 0.00999 three times = 0.02997 long
        // entry cost 0.00999 × 50,000 + 0.01998 × 49,000 = 499.5 + 979.02 = 1,478.52
        // entry fees in USDT: 0.00001 × 50,000 + 0.00001 × 49,000 + 0.00001 × 49,000 = 0.5 + 0.49 + 0.49 = 1.48
        // (1,478.52 + 1.48 = 1,480 = the 500 + 980 USDT paid: the commission counted once)
        Position position = e.awaitSnapshot("the position", s -> s.position(Market.SPOT, BTCUSDT)
                .map(p -> p.size().compareTo(new BigDecimal("0.02997")) == 0).orElse(false))
                .position(Market.SPOT, BTCUSDT).orElseThrow();
        assertThat(position.side()).isEqualTo(PositionSide.LONG);
        assertThat(position.entryCost()).isEqualByComparingTo("1478.52");
        assertThat(position.openFees()).isEqualByComparingTo("1.48");
        // unrealized at the last trade, 49,000: 0.02997 × 49,000 − 1,478.52 − 1.48 = 1,468.53 − 1,480 = −11.47
        e.awaitSnapshot("the mark from the trade stream", s -> s.price(BTCUSDT)
                .map(p -> p.compareTo(new BigDecimal("49000")) == 0).orElse(false));
        assertThat(position.unrealizedPnl(new BigDecimal("49000"))).isEqualByComparingTo("-11.47");

        // when the engine offers all 0.02997 at 51,000 and the market trades there
        ClientOrderId exit = e.limit(Side.SELL, "0.02997", "51000");
        e.awaitSnapshot("the offer rests", s -> s.order(exit).map(o -> o.status() == OrderStatus.NEW).orElse(false));
        sim.sim().setPrice(SimFixture.SYMBOL, new BigDecimal("51000"));

        // then the round trip is closed: exit value 0.02997 × 51,000 = 1,528.47, exit fee 0.1 % of it = 1.52847 USDT
        // realized = 1,528.47 − 1,478.52 − 1.48 − 1.52847 = 46.94153; fees 1.48 + 1.52847 = 3.00847
        DomainEvent.PositionClosed closed = e.awaitEvent(DomainEvent.PositionClosed.class, c -> c.symbol().equals(BTCUSDT));
        ClosedTrade trade = closed.trade();
        assertThat(trade.side()).isEqualTo(PositionSide.LONG);
        assertThat(trade.quantity()).isEqualByComparingTo("0.02997");
        assertThat(trade.exitPrice()).isEqualByComparingTo("51000");
        assertThat(trade.fees()).isEqualByComparingTo("3.00847");
        assertThat(trade.realizedPnl()).isEqualByComparingTo("46.94153");
        assertThat(trade.isWin()).isTrue();
        assertThat(e.snapshot().position(Market.SPOT, BTCUSDT)).isEmpty();

        // and the closed trade is in the database, the balances are the exchange's
        try (Connection c = e.database.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT realized_pnl, fees FROM trades")) {
            assertThat(rs.next()).isTrue();
            assertThat(new BigDecimal(rs.getString(1))).isEqualByComparingTo("46.94153");
            assertThat(new BigDecimal(rs.getString(2))).isEqualByComparingTo("3.00847");
            assertThat(rs.next()).isFalse();
        }
        // USDT: 10,000 − 500 − 980 + 1,528.47 − 1.52847 = 10,046.94153 (= 10,000 + the realized 46.94153)
        // BTC: 1 + 0.03 − 0.00003 − 0.02997 = 1: the closed round trip left nothing behind in the wallet
        assertThat(SimFixture.total(oracle, "USDT")).isEqualByComparingTo("10046.94153");
        assertThat(SimFixture.total(oracle, "BTC")).isEqualByComparingTo("1");
        e.awaitSnapshot("the engine's balances match the exchange", s ->
                s.balance(Market.SPOT, Asset.USDT).map(b -> b.total().compareTo(new BigDecimal("10046.94153")) == 0).orElse(false)
                        && s.balance(Market.SPOT, Asset.of("BTC")).map(b -> b.total().compareTo(BigDecimal.ONE) == 0).orElse(false));

        // and every order the engine sent was journaled before it reached the exchange, exactly once
        assertThat(e.events(DomainEvent.OrderSubmitted.class)).extracting(s -> s.order().clientOrderId())
                .containsExactly(market, limit, exit);
        for (ClientOrderId id : java.util.List.of(market, limit, exit)) {
            assertThat(SimFixture.countOnExchange(oracle, id.value())).as("orders %s on the exchange", id).isEqualTo(1);
        }
    }
}
