/**
 * The event envelope: CloudEvents 1.0.
 *
 * <p>{@link io.sluice.envelope.CloudEvent} is immutable and valid by construction; every rule the
 * specification sets is checked at build time and reported as {@link io.sluice.envelope.Violation}s
 * naming the attribute and the rule. The structured JSON format and the binary-mode header mapping
 * turn events into bytes and headers and back. {@link io.sluice.envelope.Extensions} names the
 * extension attributes Sluice gives meaning to: event version, correlation id, idempotency key,
 * trace context and the authenticated caller.
 */
package io.sluice.envelope;
