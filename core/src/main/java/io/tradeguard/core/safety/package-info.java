/**
 * Safety state machines, owned by the engine thread, "now" passed in, every transition an event; each has a
 * plain record state to persist and to restore from.
 *
 * <ul>
 *   <li>{@link io.tradeguard.core.safety.KillSwitch}: call {@code recordTrade} when a round trip closes,
 *       {@code onEquity} when equity changes, {@code onClock} from a timer (UTC midnight), {@code tripManually} and
 *       {@code reset} from the admin API. A trip with {@code emergencyStopRequired} calls for the emergency stop.</li>
 *   <li>{@link io.tradeguard.core.safety.CircuitBreaker}: {@code onSuccess} / {@code onError} for every exchange
 *       answer; asked through {@link io.tradeguard.core.safety.SafetyGate#admit} before each order.</li>
 *   <li>{@link io.tradeguard.core.safety.EmergencyStop}: {@code start} with the open orders and positions, then
 *       {@code takeDue} → send (ignoring the breaker) → {@code onSucceeded}/{@code onFailed}; {@code reset} lifts the
 *       halt.</li>
 *   <li>{@link io.tradeguard.core.safety.SafetyStatus} for {@code /api/trading-safety/status}.</li>
 * </ul>
 */
package io.tradeguard.core.safety;
