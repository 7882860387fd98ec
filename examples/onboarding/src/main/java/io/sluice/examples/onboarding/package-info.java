/**
 * A runnable example of the library. {@code POST /users} creates a user and, in the same database
 * transaction, writes {@code user.created} v1 to the outbox; a relay publishes it; the onboarding
 * subscriber runs its steps once per user (processed keys in the database), retries a failing step
 * with backoff and finally sends the event to the dead-letter subject, where a second subscriber
 * reports it.
 */
package io.sluice.examples.onboarding;
