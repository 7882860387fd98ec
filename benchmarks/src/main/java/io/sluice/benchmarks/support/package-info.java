/**
 * What several benchmarks share: {@link io.sluice.benchmarks.support.NatsServerProcess}, a private
 * {@code nats-server -js} on a free loopback port with a temporary store.
 */
package io.sluice.benchmarks.support;
