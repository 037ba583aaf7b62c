/**
 * The one-writer engine (DESIGN.md section 3).
 *
 * <p>Threads: {@code tg-engine} owns all trading state and takes one {@link io.tradeguard.core.engine.Inbound}
 * message at a time (commands, venue events, answers of venue calls, timer ticks) and hands it to
 * {@link io.tradeguard.core.engine.EngineCore}, which decides without blocking and returns domain events
 * (already applied to the state through {@code TradingState.apply}, the only way state changes) and
 * effects (venue calls). {@code tg-journal} appends the events, group-committing whatever has queued up;
 * only once they are durable does it release the effects to the I/O worker (virtual threads), hand the
 * events to listeners and answer the caller. That ordering is the write-ahead: an order request never
 * leaves before the intent with its client order id is in the journal, and if the journal fails no
 * request leaves at all. The I/O worker posts every answer back to the queue.
 *
 * <p>Restart: the journal is replayed through the same {@code apply}, then the start sequence
 * reconciles with the venue (open orders, queries of orders in doubt, trades, balances) before any
 * command is taken.
 */
package io.tradeguard.core.engine;
