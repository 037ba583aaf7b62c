/**
 * The risk, safety and protection rails wired into the engine: {@link io.tradeguard.core.guard.TradingGuards}
 * assembles the pre-trade gates (instrument filters → risk rules → safety: kill switch and circuit breaker),
 * the listener that feeds the kill switch, the emergency-stop retries and the automatic protection from durable
 * domain events, the price watcher that runs local triggers and trailing stops on the engine thread, and the
 * venue wrapper that feeds the circuit breaker with every exchange answer.
 *
 * <p>Threads: the gates and the price watcher run on the engine thread, the listener on the journal writer's
 * thread and the venue wrapper on I/O workers; book streams open on I/O workers or a virtual thread, and a virtual
 * thread per venue reads the account's commission rates and the contracts' maintenance brackets again every hour
 * ({@code venueSettingsRefresh}); the guard state is shared behind one lock held only for
 * in-memory decisions. Every change of the guard state is journaled ({@code GuardStateSaved}, plus the named
 * kill-switch and circuit-breaker events) through {@code Command.RecordGuardEvents};
 * {@link io.tradeguard.core.guard.TradingGuards#restore} reads the last one back before the engine starts.
 */
package io.tradeguard.core.guard;
