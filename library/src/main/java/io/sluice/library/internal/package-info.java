/**
 * Implementation of the library, not API. A subscription runs a pipeline of {@code Stage}s, the one
 * handler type every reliability decorator wraps: dead-letter around retry around idempotency
 * around decode-validate-invoke. Each attempt yields an {@code Outcome} that the runner turns into
 * an ack, a delayed nack (or an in-process scheduled retry) or a term, and reports as typed events
 * to metrics, logs and listeners. A {@code Redriver} is the one-shot reader behind {@code
 * DeadLetters.redrive}: a consumer group on the dead-letter subject that republishes, then acks.
 */
package io.sluice.library.internal;
