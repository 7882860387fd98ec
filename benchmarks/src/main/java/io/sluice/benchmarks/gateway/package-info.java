/**
 * Helpers of the gateway scenarios in {@code bench/gateway.sh}: {@link
 * io.sluice.benchmarks.gateway.BenchCredentials} creates, per run, the signing keys, their public
 * key set, one token per algorithm and an API key the gateway under test is configured with.
 */
package io.sluice.benchmarks.gateway;
