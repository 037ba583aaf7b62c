-- One set of migrations for SQLite and PostgreSQL. ${decimal} is TEXT on SQLite (its NUMERIC affinity
-- would turn 0.1 into a binary double) and NUMERIC on PostgreSQL; times are epoch milliseconds (UTC).

-- The append-only audit journal: every domain event, in sequence, as JSON. The source of truth;
-- the other tables are projections kept in the same transaction.
CREATE TABLE events (
    seq          BIGINT       NOT NULL PRIMARY KEY,
    type         VARCHAR(64)  NOT NULL,
    occurred_at  BIGINT       NOT NULL,
    payload      TEXT         NOT NULL
);

CREATE TABLE orders (
    client_order_id  VARCHAR(36)  NOT NULL PRIMARY KEY,
    venue_order_id   BIGINT,
    market           VARCHAR(8)   NOT NULL,
    symbol           VARCHAR(20)  NOT NULL,
    side             VARCHAR(4)   NOT NULL,
    order_type       VARCHAR(24)  NOT NULL,
    time_in_force    VARCHAR(4),
    quantity         ${decimal},
    quote_quantity   ${decimal},
    price            ${decimal},
    stop_price       ${decimal},
    reduce_only      BOOLEAN      NOT NULL,
    origin           VARCHAR(12)  NOT NULL,
    reason           VARCHAR(200) NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    filled_quantity  ${decimal}   NOT NULL,
    avg_price        ${decimal},
    reject_reason    TEXT,
    created_at       BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL,
    filled_at        BIGINT,
    last_seq         BIGINT       NOT NULL
);
CREATE INDEX orders_by_status ON orders (status);
CREATE INDEX orders_by_symbol ON orders (symbol, created_at);

CREATE TABLE fills (
    client_order_id   VARCHAR(36)  NOT NULL,
    trade_id          BIGINT       NOT NULL,
    symbol            VARCHAR(20)  NOT NULL,
    price             ${decimal}   NOT NULL,
    quantity          ${decimal}   NOT NULL,
    commission        ${decimal}   NOT NULL,
    commission_asset  VARCHAR(12),
    maker             BOOLEAN      NOT NULL,
    filled_at         BIGINT       NOT NULL,
    PRIMARY KEY (client_order_id, trade_id)
);

-- open positions only; a closed one leaves a row in trades
CREATE TABLE positions (
    market        VARCHAR(8)   NOT NULL,
    symbol        VARCHAR(20)  NOT NULL,
    position_id   VARCHAR(64)  NOT NULL,
    side          VARCHAR(5)   NOT NULL,
    quantity      ${decimal}   NOT NULL,
    entry_price   ${decimal}   NOT NULL,
    entry_cost    ${decimal}   NOT NULL,
    open_fees     ${decimal}   NOT NULL,
    realized_pnl  ${decimal}   NOT NULL,
    leverage      INTEGER      NOT NULL,
    opened_at     BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL,
    PRIMARY KEY (market, symbol)
);

-- closed round trips
CREATE TABLE trades (
    trade_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    position_id   VARCHAR(64)  NOT NULL,
    market        VARCHAR(8)   NOT NULL,
    symbol        VARCHAR(20)  NOT NULL,
    side          VARCHAR(5)   NOT NULL,
    quantity      ${decimal}   NOT NULL,
    entry_price   ${decimal}   NOT NULL,
    exit_price    ${decimal}   NOT NULL,
    fees          ${decimal}   NOT NULL,
    funding       ${decimal}   NOT NULL,
    realized_pnl  ${decimal}   NOT NULL,
    pnl_ratio     ${decimal}   NOT NULL,
    leverage      INTEGER      NOT NULL,
    exit_reason   VARCHAR(200) NOT NULL,
    opened_at     BIGINT       NOT NULL,
    closed_at     BIGINT       NOT NULL
);
CREATE INDEX trades_by_close ON trades (closed_at);

-- one row (id 1): halt and the day's counters; the kill switch and circuit breaker add columns later
CREATE TABLE safety_state (
    id                  INTEGER      NOT NULL PRIMARY KEY,
    halted              BOOLEAN      NOT NULL,
    halt_reason         TEXT         NOT NULL,
    trading_day         VARCHAR(10),
    start_equity        ${decimal},
    daily_pnl           ${decimal}   NOT NULL,
    trades_today        INTEGER      NOT NULL,
    consecutive_losses  INTEGER      NOT NULL,
    updated_at          BIGINT       NOT NULL
);

CREATE TABLE signals (
    signal_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    received_at  BIGINT       NOT NULL,
    symbol       VARCHAR(20)  NOT NULL,
    payload      TEXT         NOT NULL
);

-- filled by the manual-trade learning issue
CREATE TABLE learning_records (
    record_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    created_at  BIGINT       NOT NULL,
    payload     TEXT         NOT NULL
);

-- filled by the server issue (logins and roles)
CREATE TABLE users (
    username       VARCHAR(64)   NOT NULL PRIMARY KEY,
    password_hash  VARCHAR(255)  NOT NULL,
    role           VARCHAR(16)   NOT NULL,
    created_at     BIGINT        NOT NULL
);
