/**
 * Benchmarks of the components on every publish's hot path, each against a baseline in the same
 * class and the same run: subject matching against a naive split-based matcher and {@code
 * String.equals}, policy decisions at 10, 1,000 and 100,000 rules against a {@code HashSet} lookup
 * of the exact subject, CloudEvent encoding and decoding against Jackson reading and writing the
 * same JSON as a plain {@code Map}, and token verification (cold and cached) against Nimbus
 * verifying the same token and a {@code ConcurrentHashMap} lookup. {@link
 * io.sluice.benchmarks.components.ComponentRatios} runs them all and prints each ratio.
 */
package io.sluice.benchmarks.components;
