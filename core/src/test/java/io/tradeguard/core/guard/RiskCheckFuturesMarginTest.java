package io.tradeguard.core.guard;

import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Instrument.LotSize;
import io.tradeguard.core.model.Instrument.PriceFilter;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.risk.FuturesMargin;
import io.tradeguard.core.risk.MarginPosition;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.FuturesPosition;
import io.tradeguard.core.venue.MaintenanceBracket;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The futures account the liquidation estimate gets is the engine's: its positions, marks and wallet, with the venue's view. */
class RiskCheckFuturesMarginTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");
    private static final Symbol SOL = Symbol.of("SOLUSDT");
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final List<MaintenanceBracket> BRACKETS = List.of(
            new MaintenanceBracket(1, 125, d("0"), d("50000"), d("0.004"), d("0")));

    @Test
    void positionsMarksWalletAndTheVenuesMarginFigures() {
        TradingSnapshot state = snapshot(
                // ETH long 5 at 3,000 (isolated, the venue's view of the same size); SOL short 10 at 100 (cross); BTC none
                List.of(position(ETH, "5", "15000", 10), position(SOL, "-10", "1000", 5)),
                Map.of(ETH, view(ETH, "5", MarginType.ISOLATED, "1500"), SOL, view(SOL, "-10", MarginType.CROSSED, "0")),
                Map.of(ETH, d("2900"), BTC, d("50000")));
        FuturesMargin margin = RiskCheck.futuresMargin(BTC, state, s -> s.equals(SOL) ? BRACKETS : List.of(),
                s -> s.equals(BTC) ? MarginType.CROSSED : null);

        assertThat(margin.marginType()).isEqualTo(MarginType.CROSSED); // as the engine sets it on a symbol not traded yet
        assertThat(margin.walletBalance()).isEqualByComparingTo("10000"); // free 8,000 + margin in use 2,000
        assertThat(margin.positions()).usingRecursiveFieldByFieldElementComparator(RecursiveComparisonConfiguration.builder()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build()).containsExactly(
                new MarginPosition(ETH, Side.BUY, d("5"), d("3000"), d("2900"), 10, MarginType.ISOLATED, d("1500"), List.of()),
                // no mark known yet: valued at its entry
                new MarginPosition(SOL, Side.SELL, d("10"), d("100"), d("100"), 5, MarginType.CROSSED, null, BRACKETS));
    }

    @Test
    void aStaleViewGivesTheMarginTypeButNotTheIsolatedWalletAndAnOpenPositionsTypeWins() {
        // the venue's view still shows 3 ETH while the engine has 5: the isolated wallet is not known
        TradingSnapshot state = snapshot(List.of(position(ETH, "5", "15000", 10)),
                Map.of(ETH, view(ETH, "3", MarginType.ISOLATED, "900")), Map.of());
        FuturesMargin margin = RiskCheck.futuresMargin(ETH, state, s -> BRACKETS, s -> MarginType.CROSSED);
        assertThat(margin.marginType()).isEqualTo(MarginType.ISOLATED);
        assertThat(margin.positions().getFirst().isolatedWallet()).isNull();
        assertThat(margin.positions().getFirst().marginType()).isEqualTo(MarginType.ISOLATED);
        // nothing known of a symbol without a position: null
        assertThat(RiskCheck.futuresMargin(BTC, snapshot(List.of(), Map.of(), Map.of()), s -> List.of(), s -> null).marginType())
                .isNull();
    }

    private static TradingSnapshot snapshot(List<Position> positions, Map<Symbol, FuturesPosition> views,
                                            Map<Symbol, BigDecimal> marks) {
        Map<Symbol, Instrument> instruments = Map.of(BTC, instrument(BTC), ETH, instrument(ETH), SOL, instrument(SOL));
        return new TradingSnapshot(List.of(), positions,
                List.of(new AssetBalance(Market.FUTURES, Asset.USDT, d("8000"), d("2000"), T)),
                Map.of(Market.FUTURES, marks), Map.of(Market.FUTURES, instruments), views, Market.FUTURES,
                DailyStats.start(LocalDate.of(2026, 3, 2), d("10000"), 0), Asset.USDT, d("10000"), false, null, 0, T);
    }

    private static Instrument instrument(Symbol symbol) {
        return new Instrument(symbol, Market.FUTURES, Asset.of(symbol.value().replace("USDT", "")), Asset.USDT,
                new PriceFilter(d("0.01"), d("1000000"), d("0.01")), new LotSize(d("0.001"), d("1000"), d("0.001")),
                new LotSize(d("0.001"), d("1000"), d("0.001")), d("5"), d("9000000"), true, 200);
    }

    private static Position position(Symbol symbol, String quantity, String entryCost, int leverage) {
        return new Position(symbol.value() + "-1", Market.FUTURES, symbol, Asset.of(symbol.value().replace("USDT", "")), Asset.USDT,
                d(quantity), d(entryCost), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, leverage, T, T);
    }

    private static FuturesPosition view(Symbol symbol, String amount, MarginType type, String isolatedWallet) {
        return new FuturesPosition(symbol, d(amount), d("1"), d("1"), d("1"), BigDecimal.ZERO, null, 10, type, d(isolatedWallet),
                BigDecimal.ZERO, T);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
