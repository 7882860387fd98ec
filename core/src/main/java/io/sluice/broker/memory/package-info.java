/**
 * The in-memory broker, opened with the URL {@code mem:}: every semantic of the broker SPI in one
 * process, for tests and for developers who want to try Sluice without a server.
 *
 * <p>Published events get a broker-wide sequence and are kept in a retained log (bounded by the
 * {@code maxRetained} setting, oldest dropped first) so subscriptions can replay from the start, a
 * sequence or a time. Each subscription is backed by a consumer: a private subscription has its
 * own, while the members of a consumer group share one, which outlives its last member for the life
 * of the broker (a durable consumer). A consumer holds the events ready to deliver, the deliveries
 * in flight and, for groups, the partition keys whose next event must wait for the previous one to
 * be settled. Handlers run on one virtual thread per subscription, one delivery at a time. Nothing
 * survives the process: {@link io.sluice.broker.AckMode#DURABLE} publishes are accepted but are
 * only as durable as the heap.
 */
package io.sluice.broker.memory;
