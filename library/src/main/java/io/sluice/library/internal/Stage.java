package io.sluice.library.internal;

/**
 * The one handler type the reliability decorators wrap: each of invoke, idempotency, retry and
 * dead-letter is a {@code Stage} around the next. Runs on a handling thread and may block.
 */
@FunctionalInterface
interface Stage {
  Outcome apply(Attempt attempt);
}
