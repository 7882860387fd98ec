/**
 * Typed publishing and handling over the broker SPI. A record annotated with {@link
 * io.sluice.library.EventType} (or an {@link io.sluice.library.EventContract}) is an event
 * contract; a {@link io.sluice.library.Sluice} client gives {@link io.sluice.library.Publisher}s
 * that validate and send it as a CloudEvent with a JSON payload, and runs {@link
 * io.sluice.library.HandlerChain}s: one handler with optional retry, idempotency and dead-letter
 * decorators. What happens is reported as {@link io.sluice.library.SluiceEvent}s, which metrics and
 * logs consume.
 */
package io.sluice.library;
