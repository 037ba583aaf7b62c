package io.tradeguard.core.venue;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the futures user-data stream says beyond the {@link VenueEvent}s every venue gives: realized
 * profit and liquidation marks of order reports, wallet and position changes with their reason, algo
 * (conditional) orders, margin calls. Delivered next to the {@link VenueEvent}s, never instead of them.
 */
public sealed interface FuturesAccountEvent {

    Instant receivedAt();

    /** Who closed a position without being asked: the order's client id says it (binance-api.md §6.7). */
    enum ForcedClose {
        /** An order of the account (or of the engine). */
        NONE,
        /** {@code autoclose-…}: the venue liquidated the position. */
        LIQUIDATION,
        /** {@code adl_autoclose}: auto-deleveraging against the account. */
        ADL,
        /** {@code settlement_autoclose-…}: delivery or delisting. */
        SETTLEMENT
    }

    /**
     * The futures part of one ORDER_TRADE_UPDATE; the same report also arrives as
     * {@link VenueEvent.OrderUpdated} with {@link #update()}.
     *
     * @param realizedProfit realized profit of this trade ({@code rp}), zero when none
     * @param originalType   {@code ot}
     * @param expiryReason   {@code er}, 0 when none
     */
    record OrderDetail(OrderUpdate update, BigDecimal realizedProfit, ForcedClose forcedClose, OrderType originalType,
                       String positionSide, boolean closePosition, String workingType, int expiryReason,
                       Instant venueTime, Instant receivedAt) implements FuturesAccountEvent {
        public OrderDetail {
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(realizedProfit, "realizedProfit");
            Objects.requireNonNull(forcedClose, "forcedClose");
        }

        public boolean isLiquidation() {
            return forcedClose == ForcedClose.LIQUIDATION;
        }
    }

    /** Why the wallet or a position changed ({@code m} of ACCOUNT_UPDATE). */
    enum UpdateReason {
        DEPOSIT, WITHDRAW, ORDER, FUNDING_FEE, WITHDRAW_REJECT, ADJUSTMENT, INSURANCE_CLEAR, ADMIN_DEPOSIT,
        ADMIN_WITHDRAW, MARGIN_TRANSFER, MARGIN_TYPE_CHANGE, ASSET_TRANSFER, OPTIONS_PREMIUM_FEE,
        OPTIONS_SETTLE_PROFIT, AUTO_EXCHANGE, COIN_SWAP_DEPOSIT, COIN_SWAP_WITHDRAW,
        /** A reason this client does not know yet; the wire text is kept in {@code rawReason}. */
        OTHER
    }

    /** One asset of ACCOUNT_UPDATE: wallet balance, cross wallet, change excluding P&L and commission. */
    record WalletChange(Asset asset, BigDecimal walletBalance, BigDecimal crossWallet, BigDecimal balanceChange) {
        public WalletChange {
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(walletBalance, "walletBalance");
            Objects.requireNonNull(crossWallet, "crossWallet");
            Objects.requireNonNull(balanceChange, "balanceChange");
        }
    }

    /** One position of ACCOUNT_UPDATE ({@code P[]}); the amount is signed. */
    record PositionChange(Symbol symbol, BigDecimal amount, BigDecimal entryPrice, BigDecimal breakEvenPrice,
                          BigDecimal accumulatedRealized, BigDecimal unrealizedPnl, MarginType marginType,
                          BigDecimal isolatedWallet, String positionSide) {
        public PositionChange {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(entryPrice, "entryPrice");
            Objects.requireNonNull(marginType, "marginType");
        }
    }

    /** ACCOUNT_UPDATE: only the assets and positions that changed. A FUNDING_FEE reason carries the fee in balanceChange. */
    record AccountUpdated(UpdateReason reason, String rawReason, List<WalletChange> wallets, List<PositionChange> positions,
                          Instant venueTime, Instant receivedAt) implements FuturesAccountEvent {
        public AccountUpdated {
            Objects.requireNonNull(reason, "reason");
            wallets = List.copyOf(wallets);
            positions = List.copyOf(positions);
        }
    }

    /** {@code algoStatus} of the algo service (binance-api.md §6.3). */
    enum AlgoStatus {
        NEW, TRIGGERING, TRIGGERED, FINISHED, CANCELED, REJECTED, EXPIRED
    }

    /**
     * A conditional order of the algo service, from ALGO_UPDATE or an algo REST answer.
     *
     * @param quantity        null for closePosition orders
     * @param triggeredOrderId the ME order the trigger placed, 0 before
     * @param failureReason   {@code rm}, null when none
     */
    record AlgoOrder(Symbol symbol, long algoId, ClientOrderId clientAlgoId, OrderType type, Side side, AlgoStatus status,
                     BigDecimal quantity, BigDecimal triggerPrice, BigDecimal price, boolean reduceOnly,
                     boolean closePosition, String workingType, long triggeredOrderId, BigDecimal executedQuantity,
                     BigDecimal averagePrice, String failureReason) {
        public AlgoOrder {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(clientAlgoId, "clientAlgoId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(executedQuantity, "executedQuantity");
        }
    }

    record AlgoOrderUpdated(AlgoOrder order, Instant venueTime, Instant receivedAt) implements FuturesAccountEvent {
    }

    /** One position of MARGIN_CALL with the maintenance margin it needs. */
    record MarginCallPosition(Symbol symbol, BigDecimal amount, MarginType marginType, BigDecimal isolatedWallet,
                              BigDecimal markPrice, BigDecimal unrealizedPnl, BigDecimal maintenanceMargin) {
    }

    /** MARGIN_CALL: informational; the liquidation may already be under way. crossWallet is null for isolated. */
    record MarginCall(BigDecimal crossWallet, List<MarginCallPosition> positions, Instant venueTime, Instant receivedAt)
            implements FuturesAccountEvent {
        public MarginCall {
            positions = List.copyOf(positions);
        }
    }
}
