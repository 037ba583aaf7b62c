package io.tradeguard.app.service;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.server.api.FillView;
import io.tradeguard.server.api.ManualTradeView;
import io.tradeguard.server.api.OrderOrigin;
import io.tradeguard.server.api.OrderQuery;
import io.tradeguard.server.api.OrderView;
import io.tradeguard.server.api.Page;
import io.tradeguard.server.api.PositionSide;
import io.tradeguard.server.api.TradeQuery;
import io.tradeguard.server.api.TradeView;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Order and trade history from the store's query tables (kept in step with the journal in its own
 * transaction). Every filter is a bound parameter; nothing from a request is spliced into SQL.
 */
final class History {
    private static final String OPEN_STATUSES = "('PENDING_SUBMIT','UNKNOWN','PENDING_NEW','NEW','PARTIALLY_FILLED')";

    private final DataSource data;

    History(DataSource data) {
        this.data = data;
    }

    Page<OrderView> orders(OrderQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        query.symbol().ifPresent(s -> {
            where.append(" AND symbol = ?");
            args.add(s.value());
        });
        query.market().ifPresent(m -> {
            where.append(" AND market = ?");
            args.add(m.name());
        });
        query.open().ifPresent(open -> where.append(open ? " AND status IN " : " AND status NOT IN ").append(OPEN_STATUSES));
        return orderPage(where.toString(), args, query.page(), query.size());
    }

    Optional<OrderView> order(String clientOrderId) {
        return orderPage(" WHERE client_order_id = ?", List.of(clientOrderId), 0, 1).items().stream().findFirst();
    }

    List<ManualTradeView> externalOrders() {
        List<ManualTradeView> out = new ArrayList<>();
        for (OrderView o : orderPage(" WHERE origin = 'EXTERNAL'", List.of(), 0, OrderQuery.MAX_PAGE_SIZE).items()) {
            out.add(new ManualTradeView(o.orderId(), o.symbol(), o.market(), o.side(),
                    o.filledQuantity().signum() > 0 ? o.filledQuantity() : o.quantity() == null ? BigDecimal.ZERO : o.quantity(),
                    o.avgPrice() != null ? o.avgPrice() : o.price(), null, null, o.createdAt()));
        }
        return out;
    }

    private Page<OrderView> orderPage(String where, List<Object> args, int page, int size) {
        try (Connection c = data.getConnection()) {
            long total = count(c, "SELECT COUNT(*) FROM orders" + where, args);
            List<OrderView> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM orders" + where
                    + " ORDER BY created_at DESC, client_order_id DESC LIMIT ? OFFSET ?")) {
                int i = bind(s, args);
                s.setInt(i++, size);
                s.setLong(i, (long) page * size);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        items.add(order(r));
                    }
                }
            }
            Map<String, List<FillView>> fills = fills(c, items);
            List<OrderView> withFills = items.stream().map(o -> new OrderView(o.orderId(), o.clientOrderId(), o.symbol(),
                    o.market(), o.side(), o.orderType(), o.status(), o.quantity(), o.filledQuantity(), o.price(), o.avgPrice(),
                    fills.getOrDefault(o.orderId(), List.of()), o.origin(), o.createdAt(), o.updatedAt())).toList();
            return new Page<>(withFills, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("reading orders from the database failed: " + e.getMessage(), e);
        }
    }

    Page<TradeView> trades(TradeQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        query.symbol().ifPresent(s -> {
            where.append(" AND symbol = ?");
            args.add(s.value());
        });
        query.market().ifPresent(m -> {
            where.append(" AND market = ?");
            args.add(m.name());
        });
        try (Connection c = data.getConnection()) {
            long total = count(c, "SELECT COUNT(*) FROM trades" + where, args);
            List<TradeView> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM trades" + where
                    + " ORDER BY closed_at DESC, trade_id DESC LIMIT ? OFFSET ?")) {
                int i = bind(s, args);
                s.setInt(i++, query.size());
                s.setLong(i, (long) query.page() * query.size());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        items.add(new TradeView(r.getString("trade_id"), r.getString("position_id"),
                                Symbol.of(r.getString("symbol")), Market.valueOf(r.getString("market")),
                                PositionSide.valueOf(r.getString("side")), dec(r, "quantity"), dec(r, "entry_price"),
                                dec(r, "exit_price"), dec(r, "fees"), dec(r, "funding"), dec(r, "realized_pnl"),
                                dec(r, "pnl_ratio"), r.getString("exit_reason"), time(r, "opened_at"), time(r, "closed_at")));
                    }
                }
            }
            return new Page<>(items, query.page(), query.size(), total);
        } catch (SQLException e) {
            throw new IllegalStateException("reading trades from the database failed: " + e.getMessage(), e);
        }
    }

    /** Cheap liveness probe of the database. */
    void ping() throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement("SELECT 1");
             ResultSet r = s.executeQuery()) {
            r.next();
        }
    }

    private static OrderView order(ResultSet r) throws SQLException {
        String id = r.getString("client_order_id");
        return new OrderView(id, ClientOrderId.of(id), Symbol.of(r.getString("symbol")), Market.valueOf(r.getString("market")),
                Side.valueOf(r.getString("side")), OrderType.valueOf(r.getString("order_type")),
                OrderStatus.valueOf(r.getString("status")), dec(r, "quantity"), dec(r, "filled_quantity"), dec(r, "price"),
                dec(r, "avg_price"), List.of(), OrderOrigin.valueOf(r.getString("origin")), time(r, "created_at"),
                time(r, "updated_at"));
    }

    private static Map<String, List<FillView>> fills(Connection c, List<OrderView> orders) throws SQLException {
        Map<String, List<FillView>> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM fills WHERE client_order_id = ? ORDER BY filled_at, trade_id")) {
            for (OrderView o : orders) {
                s.setString(1, o.orderId());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String asset = r.getString("commission_asset");
                        out.computeIfAbsent(o.orderId(), k -> new ArrayList<>()).add(new FillView(dec(r, "price"),
                                dec(r, "quantity"), dec(r, "commission"), asset == null ? null : Asset.of(asset), r.getLong("trade_id")));
                    }
                }
            }
        }
        return out;
    }

    private static long count(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static int bind(PreparedStatement s, List<Object> args) throws SQLException {
        int i = 1;
        for (Object arg : args) {
            s.setObject(i++, arg);
        }
        return i;
    }

    private static BigDecimal dec(ResultSet r, String column) throws SQLException {
        String text = r.getString(column);
        return text == null ? null : new BigDecimal(text);
    }

    private static Instant time(ResultSet r, String column) throws SQLException {
        long millis = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
