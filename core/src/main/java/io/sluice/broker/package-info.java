/**
 * The broker SPI: one {@link io.sluice.broker.Broker} abstraction that every adapter implements.
 *
 * <p>A broker is opened by URL ({@link io.sluice.broker.Broker#connect(String)}); the scheme
 * selects a {@link io.sluice.broker.BrokerProvider} found by {@link java.util.ServiceLoader}.
 * Publishing returns a {@link io.sluice.broker.PublishReceipt} that says where the event landed;
 * subscribing hands {@link io.sluice.broker.Delivery deliveries} to a handler that settles each
 * with ack, nack (optionally delayed) or term. Each broker declares its {@link
 * io.sluice.broker.Capability capabilities}; the compatibility kit in {@code sluice-test-kit}
 * checks every promise against every adapter. What happens inside a connection is reported as typed
 * {@link io.sluice.broker.BrokerEvent}s to {@link io.sluice.broker.BrokerListener}s, which metrics
 * and audit consume.
 */
package io.sluice.broker;
