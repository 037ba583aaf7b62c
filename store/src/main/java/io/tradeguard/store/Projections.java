package io.tradeguard.store;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.ClosedTrade;
import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.venue.Fill;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Keeps the query tables (orders, fills, positions, trades, safety_state, signals) in step with the
 * journal, in the journal's transaction. They are derived data: the events table is the truth.
 */
final class Projections implements AutoCloseable {
    private static final String UPSERT_ORDER = """
            INSERT INTO orders (client_order_id, venue_order_id, market, symbol, side, order_type, time_in_force,
                quantity, quote_quantity, price, stop_price, reduce_only, origin, reason, status, filled_quantity,
                avg_price, reject_reason, created_at, updated_at, filled_at, last_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (client_order_id) DO UPDATE SET venue_order_id = excluded.venue_order_id,
                status = excluded.status, filled_quantity = excluded.filled_quantity, avg_price = excluded.avg_price,
                reject_reason = excluded.reject_reason, updated_at = excluded.updated_at,
                filled_at = excluded.filled_at, last_seq = excluded.last_seq""";
    private static final String INSERT_FILL = """
            INSERT INTO fills (client_order_id, trade_id, symbol, price, quantity, commission, commission_asset,
                maker, filled_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (client_order_id, trade_id) DO NOTHING""";
    private static final String UPSERT_POSITION = """
            INSERT INTO positions (market, symbol, position_id, side, quantity, entry_price, entry_cost, open_fees,
                realized_pnl, leverage, opened_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (market, symbol) DO UPDATE SET position_id = excluded.position_id, side = excluded.side,
                quantity = excluded.quantity, entry_price = excluded.entry_price, entry_cost = excluded.entry_cost,
                open_fees = excluded.open_fees, realized_pnl = excluded.realized_pnl, leverage = excluded.leverage,
                opened_at = excluded.opened_at, updated_at = excluded.updated_at""";
    private static final String DELETE_POSITION = "DELETE FROM positions WHERE market = ? AND symbol = ?";
    private static final String INSERT_TRADE = """
            INSERT INTO trades (trade_id, position_id, market, symbol, side, quantity, entry_price, exit_price, fees,
                funding, realized_pnl, pnl_ratio, leverage, exit_reason, opened_at, closed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (trade_id) DO NOTHING""";
    private static final String UPSERT_SAFETY_HALT = """
            INSERT INTO safety_state (id, halted, halt_reason, daily_pnl, trades_today, consecutive_losses, updated_at)
            VALUES (1, ?, ?, 0, 0, 0, ?)
            ON CONFLICT (id) DO UPDATE SET halted = excluded.halted, halt_reason = excluded.halt_reason,
                updated_at = excluded.updated_at""";
    private static final String UPSERT_SAFETY_DAY = """
            INSERT INTO safety_state (id, halted, halt_reason, trading_day, start_equity, daily_pnl, trades_today,
                consecutive_losses, updated_at)
            VALUES (1, FALSE, '', ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET trading_day = excluded.trading_day, start_equity = excluded.start_equity,
                daily_pnl = excluded.daily_pnl, trades_today = excluded.trades_today,
                consecutive_losses = excluded.consecutive_losses, updated_at = excluded.updated_at""";
    private static final String INSERT_SIGNAL = """
            INSERT INTO signals (signal_id, received_at, symbol, payload) VALUES (?, ?, ?, ?)
            ON CONFLICT (signal_id) DO NOTHING""";

    private final Dialect dialect;
    private final Connection connection;
    private final PreparedStatement orders;
    private final PreparedStatement fills;
    private final java.util.Map<String, PreparedStatement> prepared = new java.util.HashMap<>();
    private boolean ordersPending;
    private boolean fillsPending;

    Projections(Connection connection, Dialect dialect) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.orders = connection.prepareStatement(UPSERT_ORDER);
        this.fills = connection.prepareStatement(INSERT_FILL);
    }

    void project(long sequence, DomainEvent event, String payload) throws SQLException {
        switch (event) {
            case DomainEvent.OrderSubmitted e -> order(e.order(), sequence);
            case DomainEvent.OrderPlaced e -> order(e.order(), sequence);
            case DomainEvent.OrderPartiallyFilled e -> {
                order(e.order(), sequence);
                fill(e.order(), e.fill());
            }
            case DomainEvent.OrderFilled e -> {
                order(e.order(), sequence);
                if (e.fill() != null) {
                    fill(e.order(), e.fill());
                }
            }
            case DomainEvent.OrderCancelled e -> order(e.order(), sequence);
            case DomainEvent.OrderExpired e -> order(e.order(), sequence);
            case DomainEvent.OrderRejected e -> order(e.order(), sequence);
            case DomainEvent.OrderStatusUnknown e -> order(e.order(), sequence);
            case DomainEvent.OrderUpdated e -> order(e.order(), sequence);
            case DomainEvent.OrderAdopted e -> order(e.order(), sequence);
            case DomainEvent.PositionOpened e -> position(e.position());
            case DomainEvent.PositionUpdated e -> position(e.position());
            case DomainEvent.PositionClosed e -> closed(e);
            case DomainEvent.FundingPaid e -> {
                if (e.position() != null) {
                    position(e.position()); // funding is realized P&L of the position
                }
            }
            case DomainEvent.EmergencyStop e -> halt(true, e.reason(), e.time());
            case DomainEvent.TradingResumed e -> halt(false, "", e.time());
            case DomainEvent.DailyStatsUpdated e -> day(e.stats(), e.time());
            case DomainEvent.SignalReceived e -> signal(e, payload);
            case DomainEvent.OrderDenied e -> { }
            case DomainEvent.OrderCancelRequested e -> { }
            case DomainEvent.OrderCancelFailed e -> { }
            case DomainEvent.OrderAnomaly e -> { }
            case DomainEvent.CommissionUnpriced e -> { }
            case DomainEvent.BalanceUpdated e -> { } // balances are rebuilt from the journal and the venue
            case DomainEvent.ConnectionLost e -> { }
            case DomainEvent.ConnectionRestored e -> { }
            case DomainEvent.ReconciliationCompleted e -> { }
            case DomainEvent.SettingsChanged e -> { }
            case DomainEvent.EngineStarted e -> { }
            case DomainEvent.EngineStopped e -> { }
            case DomainEvent.KillSwitchTripped e -> { } // the safety issue adds its columns and projects these
            case DomainEvent.KillSwitchReset e -> { }
            case DomainEvent.CircuitBreakerOpened e -> { }
            case DomainEvent.CircuitBreakerClosed e -> { }
            case DomainEvent.GuardStateSaved e -> { }
        }
    }

    /** Runs the batched statements; call before commit. */
    void flush() throws SQLException {
        if (ordersPending) {
            orders.executeBatch();
            ordersPending = false;
        }
        if (fillsPending) {
            fills.executeBatch();
            fillsPending = false;
        }
    }

    private void order(Order o, long sequence) throws SQLException {
        int i = 1;
        orders.setString(i++, o.clientOrderId().value());
        if (o.venueOrderId() == null) {
            orders.setNull(i++, Types.BIGINT);
        } else {
            orders.setLong(i++, o.venueOrderId());
        }
        orders.setString(i++, o.market().name());
        orders.setString(i++, o.symbol().value());
        orders.setString(i++, o.side().name());
        orders.setString(i++, o.type().name());
        orders.setString(i++, o.timeInForce() == null ? null : o.timeInForce().name());
        dialect.setDecimal(orders, i++, o.quantity());
        dialect.setDecimal(orders, i++, o.quoteQuantity());
        dialect.setDecimal(orders, i++, o.price());
        dialect.setDecimal(orders, i++, o.stopPrice());
        orders.setBoolean(i++, o.reduceOnly());
        orders.setString(i++, o.origin().name());
        orders.setString(i++, o.reason());
        orders.setString(i++, o.status().name());
        dialect.setDecimal(orders, i++, o.filledQuantity());
        dialect.setDecimal(orders, i++, o.averageFillPrice().orElse(null));
        orders.setString(i++, o.rejectReason());
        orders.setLong(i++, o.createdAt().toEpochMilli());
        orders.setLong(i++, o.updatedAt().toEpochMilli());
        setTime(orders, i++, o.filledAt());
        orders.setLong(i, sequence);
        orders.addBatch();
        ordersPending = true;
    }

    private void fill(Order o, Fill f) throws SQLException {
        int i = 1;
        fills.setString(i++, o.clientOrderId().value());
        fills.setLong(i++, f.tradeId());
        fills.setString(i++, o.symbol().value());
        dialect.setDecimal(fills, i++, f.price());
        dialect.setDecimal(fills, i++, f.quantity());
        dialect.setDecimal(fills, i++, f.commission());
        fills.setString(i++, f.commissionAsset() == null ? null : f.commissionAsset().code());
        fills.setBoolean(i++, f.maker());
        fills.setLong(i, f.time().toEpochMilli());
        fills.addBatch();
        fillsPending = true;
    }

    // positions, trades and safety rows change rarely and must keep their order (close, then reopen): no batching

    private void position(Position p) throws SQLException {
        PreparedStatement s = statement(UPSERT_POSITION);
        int i = 1;
        s.setString(i++, p.market().name());
        s.setString(i++, p.symbol().value());
        s.setString(i++, p.positionId());
        s.setString(i++, p.side().name());
        dialect.setDecimal(s, i++, p.quantity());
        dialect.setDecimal(s, i++, p.entryPrice());
        dialect.setDecimal(s, i++, p.entryCost());
        dialect.setDecimal(s, i++, p.openFees());
        dialect.setDecimal(s, i++, p.realizedPnl());
        s.setInt(i++, p.leverage());
        s.setLong(i++, p.openedAt().toEpochMilli());
        s.setLong(i, p.updatedAt().toEpochMilli());
        s.executeUpdate();
    }

    private void closed(DomainEvent.PositionClosed e) throws SQLException {
        {
            PreparedStatement s = statement(DELETE_POSITION);
            s.setString(1, e.market().name());
            s.setString(2, e.symbol().value());
            s.executeUpdate();
        }
        ClosedTrade t = e.trade();
        {
            PreparedStatement s = statement(INSERT_TRADE);
            int i = 1;
            s.setString(i++, t.tradeId());
            s.setString(i++, t.positionId());
            s.setString(i++, t.market().name());
            s.setString(i++, t.symbol().value());
            s.setString(i++, t.side().name());
            dialect.setDecimal(s, i++, t.quantity());
            dialect.setDecimal(s, i++, t.entryPrice());
            dialect.setDecimal(s, i++, t.exitPrice());
            dialect.setDecimal(s, i++, t.fees());
            dialect.setDecimal(s, i++, t.funding());
            dialect.setDecimal(s, i++, t.realizedPnl());
            dialect.setDecimal(s, i++, t.pnlRatio());
            s.setInt(i++, t.leverage());
            s.setString(i++, t.exitReason());
            s.setLong(i++, t.openedAt().toEpochMilli());
            s.setLong(i, t.closedAt().toEpochMilli());
            s.executeUpdate();
        }
    }

    private void halt(boolean halted, String reason, Instant at) throws SQLException {
        PreparedStatement s = statement(UPSERT_SAFETY_HALT);
        s.setBoolean(1, halted);
        s.setString(2, reason);
        s.setLong(3, at.toEpochMilli());
        s.executeUpdate();
    }

    private void day(DailyStats d, Instant at) throws SQLException {
        PreparedStatement s = statement(UPSERT_SAFETY_DAY);
        s.setString(1, d.day().toString());
        dialect.setDecimal(s, 2, d.startEquity());
        dialect.setDecimal(s, 3, d.realizedPnl());
        s.setInt(4, d.tradeCount());
        s.setInt(5, d.consecutiveLosses());
        s.setLong(6, at.toEpochMilli());
        s.executeUpdate();
    }

    private void signal(DomainEvent.SignalReceived e, String payload) throws SQLException {
        PreparedStatement s = statement(INSERT_SIGNAL);
        s.setString(1, e.signalId());
        s.setLong(2, e.time().toEpochMilli());
        s.setString(3, e.intent().symbol().value());
        s.setString(4, payload);
        s.executeUpdate();
    }

    private static void setTime(PreparedStatement s, int index, Instant time) throws SQLException {
        if (time == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, time.toEpochMilli());
        }
    }

    /** Prepared once per transaction: preparing is a noticeable part of SQLite's cost per event. */
    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement cached = prepared.get(sql);
        if (cached == null) {
            cached = connection.prepareStatement(sql);
            prepared.put(sql, cached);
        }
        return cached;
    }

    @Override
    public void close() throws SQLException {
        orders.close();
        fills.close();
        for (PreparedStatement statement : prepared.values()) {
            statement.close();
        }
    }
}
