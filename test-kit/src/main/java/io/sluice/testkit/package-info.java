/**
 * Test support for Sluice and its broker adapters.
 *
 * <p>{@link io.sluice.testkit.BrokerCompatibilityKit} is the conformance suite every broker adapter
 * passes: an adapter's test extends it and hands it a real broker, and the kit checks publishing,
 * subscribing, consumer groups, acknowledgement, redelivery, ordering, replay, durable consumers,
 * request-reply, de-duplication, event round-trips, back-pressure and shutdown. Behaviour that
 * needs a {@link io.sluice.broker.Capability} the broker does not declare is reported as skipped,
 * naming the capability. {@link io.sluice.testkit.RecordingHandler} collects deliveries and {@link
 * io.sluice.testkit.ManualClock} is a clock that tests move by hand.
 */
package io.sluice.testkit;
