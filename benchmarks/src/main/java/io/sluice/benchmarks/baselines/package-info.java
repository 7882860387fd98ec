/**
 * Baselines for the gateway scenarios of {@code bench/gateway.sh}: the least a program can do to
 * move an HTTP POST onto NATS, with no authentication, policy, validation or audit. Each is a main
 * class run from {@code benchmarks.jar} on its own loopback port against the run's private {@code
 * nats-server}.
 *
 * <ul>
 *   <li>{@link io.sluice.benchmarks.baselines.CoreBridgeBaseline}: POST body, core NATS publish,
 *       {@code 202}.
 *   <li>{@link io.sluice.benchmarks.baselines.JetStreamBridgeBaseline}: POST body, JetStream {@code
 *       publishAsync}, {@code 202} once the PubAck arrives.
 *   <li>{@link io.sluice.benchmarks.baselines.RawJetStreamPublish}: no HTTP at all, jnats {@code
 *       publishAsync} with a window of acks in flight, in events per second.
 * </ul>
 *
 * <p>The bridges serve from one Vert.x {@code HttpServer} created outside a verticle, as the
 * gateway does, so both run on one event loop.
 */
package io.sluice.benchmarks.baselines;
