package io.tradeguard.core.risk;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.tradeguard.core.risk.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskConfigTest {

    @Test
    void defaultsAreThoseOfTheDesign() {
        RiskConfig config = RiskConfig.defaults();
        assertThat(config.asKeyValues()).containsEntry("max_position_size_pct", "0.10")
                .containsEntry("max_position_size_usd", "1000")
                .containsEntry("max_open_positions", "10")
                .containsEntry("daily_loss_limit_pct", "0.05")
                .containsEntry("daily_loss_limit_usd", "off")
                .containsEntry("max_consecutive_losses", "3")
                .containsEntry("min_account_balance", "100")
                .containsEntry("max_leverage", "10")
                .containsEntry("max_slippage_pct", "0.005")
                .containsEntry("max_portfolio_heat", "0.30")
                .containsEntry("emergency_drawdown_pct", "0.10")
                .containsEntry("default_stop_loss_pct", "0.02")
                .containsEntry("default_take_profit_pct", "0.05")
                .containsEntry("circuit_breaker_threshold", "5")
                .containsEntry("circuit_breaker_cooldown_seconds", "300");
        assertThat(config.disabledLimits()).containsExactly(Limit.DAILY_LOSS_LIMIT_USD);
        assertThat(config.circuitBreakerCooldown()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void limitsAreSwitchedOffOnlyExplicitly() {
        RiskConfig config = RiskConfig.defaults().withSetting("max_portfolio_heat", "off").withSetting("daily_loss_limit_usd", "50");
        assertThat(config.disabledLimits()).containsExactly(Limit.MAX_PORTFOLIO_HEAT);
        assertThat(config.value(Limit.DAILY_LOSS_LIMIT_USD)).isEqualByComparingTo("50");
        assertThat(RiskConfig.defaults().with(Limit.MAX_PORTFOLIO_HEAT, d("0.2")).isOn(Limit.MAX_PORTFOLIO_HEAT)).isTrue();
        java.util.Map<Limit, java.math.BigDecimal> withNull = new java.util.HashMap<>();
        withNull.put(Limit.MAX_OPEN_POSITIONS, null);
        RiskConfig base = RiskConfig.defaults();
        assertThatThrownBy(() -> new RiskConfig(withNull, base.slippageAction(), true, base.defaultStopLossPct(),
                base.defaultTakeProfitPct(), base.trailingStopPct(), 5, Duration.ofSeconds(1)))
                .hasMessage("configuration max_open_positions = null is invalid: needs a value, or switch the limit off explicitly");
    }

    @Test
    void leverageCannotBeConfiguredAboveTheHardCap() {
        assertThat(RiskConfig.defaults().withSetting("max_leverage", "20").leverageCap()).isEqualTo(20);
        assertThatThrownBy(() -> RiskConfig.defaults().withSetting("max_leverage", "21"))
                .hasMessage("configuration max_leverage = 21 is invalid: must not exceed the hard cap of 20x");
        assertThat(RiskConfig.defaults().without(Limit.MAX_LEVERAGE).leverageCap()).isEqualTo(20);
    }

    @Test
    void invalidValuesNameKeyValueAndRule() {
        assertThatThrownBy(() -> RiskConfig.defaults().withSetting("daily_loss_limit_pct", "5"))
                .hasMessage("configuration daily_loss_limit_pct = 5 is invalid: must be a fraction above 0 and at most 1 (0.05 = 5%)");
        assertThatThrownBy(() -> RiskConfig.defaults().withSetting("max_open_positions", "2.5"))
                .hasMessage("configuration max_open_positions = 2.5 is invalid: must be a whole number of at least 1");
        assertThatThrownBy(() -> RiskConfig.defaults().withSetting("min_account_balance", "-1"))
                .hasMessage("configuration min_account_balance = -1 is invalid: must be an amount above 0");
        assertThatThrownBy(() -> RiskConfig.defaults().withSetting("max_slippage_pct", "lots"))
                .hasMessage("configuration max_slippage_pct = lots is invalid: must be a decimal number");
        assertThatThrownBy(() -> RiskConfig.defaults().withSetting("slippage_action", "ignore"))
                .hasMessage("configuration slippage_action = ignore is invalid: must be reject or convert_to_limit");
        assertThatThrownBy(() -> RiskConfig.defaults().withSetting("circuit_breaker_threshold", "0"))
                .hasMessage("configuration circuit_breaker_threshold = 0 is invalid: must be at least 1");
        assertThatThrownBy(() -> RiskConfig.defaults().withSetting("max_fun", "1"))
                .hasMessage("unknown configuration key 'max_fun'");
    }

    @Test
    void settingsRoundTripThroughTheirKeys() {
        RiskConfig changed = RiskConfig.defaults().withSetting("slippage_action", "convert_to_limit")
                .withSetting("auto_adjust_size", "false").withSetting("circuit_breaker_cooldown_seconds", "60");
        RiskConfig again = RiskConfig.defaults();
        for (var entry : changed.asKeyValues().entrySet()) {
            again = again.withSetting(entry.getKey(), entry.getValue());
        }
        assertThat(again).isEqualTo(changed);
        assertThat(changed.slippageAction()).isEqualTo(SlippageAction.CONVERT_TO_LIMIT);
        assertThat(changed.autoAdjust()).isFalse();
    }
}
