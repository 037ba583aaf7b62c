package io.tradeguard.core.signal;

import io.tradeguard.core.model.Market;
import org.junit.jupiter.api.Test;

import static io.tradeguard.core.signal.SignalFixtures.BTC;
import static io.tradeguard.core.signal.SignalFixtures.NOW;
import static io.tradeguard.core.signal.SignalFixtures.d;
import static io.tradeguard.core.signal.SignalFixtures.longAtMarket;
import static io.tradeguard.core.signal.SignalFixtures.with;
import static io.tradeguard.core.signal.SignalFixtures.withConfidence;
import static io.tradeguard.core.signal.SignalFixtures.withSizing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignalTest {

    @Test
    void aLongWithItsStopAboveItsEntryIsRefused() {
        assertThatThrownBy(() -> with(longAtMarket(), SignalDirection.LONG, d("50000"), d("50100"), d("52000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a LONG signal needs its stop_loss below its entry: stop_loss 50100, entry 50000");
    }

    @Test
    void aShortWithItsTargetAboveItsEntryIsRefused() {
        assertThatThrownBy(() -> with(longAtMarket(), SignalDirection.SHORT, d("50000"), d("51000"), d("50500")))
                .hasMessage("a SHORT signal needs its take_profit below its entry: take_profit 50500, entry 50000");
    }

    @Test
    void withoutAnEntryTheStopMustStillBeOnTheLosingSideOfTheTarget() {
        assertThatThrownBy(() -> with(longAtMarket(), SignalDirection.LONG, null, d("52000"), d("51000")))
                .hasMessage("a LONG signal needs its stop_loss below its take_profit: stop_loss 52000, take_profit 51000");
    }

    @Test
    void aWellFormedShortIsAccepted() {
        Signal s = with(longAtMarket(), SignalDirection.SHORT, d("50000"), d("51000"), d("47500"));
        assertThat(s.direction()).isEqualTo(SignalDirection.SHORT);
        assertThat(s.isEntry()).isTrue();
    }

    @Test
    void confidenceOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> withConfidence(longAtMarket(), "1.01"))
                .hasMessage("confidence must be from 0 to 1, was 1.01");
        assertThatThrownBy(() -> withConfidence(longAtMarket(), "-0.1"))
                .hasMessage("confidence must be from 0 to 1, was -0.1");
        assertThat(withConfidence(longAtMarket(), "1").confidence()).isEqualByComparingTo("1");
        assertThat(withConfidence(longAtMarket(), "0").confidence()).isEqualByComparingTo("0");
    }

    @Test
    void pricesAndSizeMustBePositive() {
        assertThatThrownBy(() -> with(longAtMarket(), SignalDirection.LONG, d("0"), null, null))
                .hasMessage("entry must be positive, was 0");
        assertThatThrownBy(() -> withSizing(longAtMarket(), null, d("-5")))
                .hasMessage("size_usd must be positive, was -5");
    }

    @Test
    void leverageIsLimitedToTheVenueRangeAndRefusedOnSpot() {
        assertThatThrownBy(() -> withSizing(longAtMarket(), 0, null)).hasMessage("leverage must be from 1 to 125, was 0");
        assertThatThrownBy(() -> withSizing(longAtMarket(), 126, null)).hasMessage("leverage must be from 1 to 125, was 126");
        assertThatThrownBy(() -> new Signal(SignalId.of("s"), BTC, Market.SPOT, SignalDirection.LONG, d("0.9"),
                null, null, null, 3, null, "x", "y", NOW))
                .hasMessage("a spot signal cannot use leverage 3x; use market futures");
    }

    @Test
    void aCloseCarriesNoPricesOrSize() {
        assertThatThrownBy(() -> with(longAtMarket(), SignalDirection.CLOSE, null, d("49000"), null))
                .hasMessage("a CLOSE signal takes no entry, stop_loss, take_profit, leverage or size_usd");
        assertThat(with(longAtMarket(), SignalDirection.CLOSE, null, null, null).isEntry()).isFalse();
    }

    @Test
    void namesAreStrippedAndMustBePrintable() {
        Signal s = new Signal(SignalId.of("s"), BTC, Market.FUTURES, SignalDirection.LONG, d("0.9"),
                null, null, null, null, null, "  trend ", "gpt", NOW);
        assertThat(s.strategy()).isEqualTo("trend");
        assertThatThrownBy(() -> new Signal(SignalId.of("s"), BTC, Market.FUTURES, SignalDirection.LONG, d("0.9"),
                null, null, null, null, null, "a\nb", "gpt", NOW))
                .hasMessage("strategy must be at most 64 printable characters");
        assertThatThrownBy(() -> new Signal(SignalId.of("s"), BTC, Market.FUTURES, SignalDirection.LONG, d("0.9"),
                null, null, null, null, null, "x", " ", NOW))
                .hasMessage("source is missing");
    }

    @Test
    void idsUseASafeAlphabet() {
        assertThat(SignalId.of("advisor-7:2026.03.02_1").value()).isEqualTo("advisor-7:2026.03.02_1");
        assertThatThrownBy(() -> SignalId.of("../etc/passwd")).hasMessageStartingWith("invalid signal id '../etc/passwd'");
        assertThatThrownBy(() -> SignalId.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignalId.of("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void directionAndModeParseAnyCaseAndNameTheChoices() {
        assertThat(SignalDirection.parse(" short ")).isEqualTo(SignalDirection.SHORT);
        assertThatThrownBy(() -> SignalDirection.parse("buy")).hasMessage("unknown direction 'buy': use LONG, SHORT or CLOSE");
        assertThat(TradingMode.parse("HYBRID")).isEqualTo(TradingMode.HYBRID);
        assertThatThrownBy(() -> TradingMode.parse("yolo")).hasMessage("unknown mode 'yolo': use manual, auto or hybrid");
        assertThat(TradingMode.MANUAL.tradesSignals()).isFalse();
        assertThat(TradingMode.AUTO.acceptsManualOrders()).isFalse();
        assertThat(TradingMode.HYBRID.tradesSignals() && TradingMode.HYBRID.acceptsManualOrders()).isTrue();
    }
}
