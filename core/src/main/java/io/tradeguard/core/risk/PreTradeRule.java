package io.tradeguard.core.risk;

/** One pre-trade rule: pass, adjust or reject one entry order, with the numbers behind the decision. */
sealed interface PreTradeRule permits FreeBalanceRule, PositionSizeRule, PositionSizeCapRule, SymbolExposureRule,
        OpenPositionsRule, DailyLossRule, ConsecutiveLossesRule, MinAccountBalanceRule, LeverageRule, SlippageRule,
        PortfolioHeatRule, LiquidationDistanceRule {

    RuleId id();

    RuleResult check(OrderUnderCheck order);
}
