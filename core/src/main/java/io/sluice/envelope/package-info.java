/**
 * The event envelope: CloudEvents 1.0 (specification 1.0.2).
 *
 * <p>{@link io.sluice.envelope.CloudEvent} is immutable and valid by construction; every rule the
 * specification sets is checked at build time and reported as {@link io.sluice.envelope.Violation}s
 * naming the attribute and the rule. All problems of an event are collected and thrown together in
 * one {@link io.sluice.envelope.InvalidEventException}; decoding never throws anything else.
 *
 * <p>Two ways to put an event on the wire: {@link io.sluice.envelope.JsonFormat} (structured mode,
 * one event or a batch) and {@link io.sluice.envelope.BinaryMode} (attributes as prefixed headers,
 * data as the body, for the HTTP, NATS, Kafka and AMQP bindings). Decoders read into a draft that
 * gathers violations, then build the event through the same builder producers use, so the rules
 * live in one place. {@link io.sluice.envelope.CloudEvents} fills in {@code id} and {@code time}
 * for producers that leave them out. {@link io.sluice.envelope.Extensions} names the extension
 * attributes Sluice gives meaning to: event version, correlation id, idempotency key, trace context
 * and the authenticated caller.
 */
package io.sluice.envelope;
