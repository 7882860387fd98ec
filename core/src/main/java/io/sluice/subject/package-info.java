/**
 * Subjects and subject patterns with NATS semantics.
 *
 * <p>A {@link io.sluice.subject.Subject} is a {@code .}-separated list of non-empty tokens. A
 * {@link io.sluice.subject.SubjectPattern} may use {@code *} for exactly one token and {@code >} as
 * its last token for one or more trailing tokens. Policy, subscriptions and routing all match with
 * the same {@link io.sluice.subject.SubjectPattern#matches} so they cannot disagree.
 */
package io.sluice.subject;
