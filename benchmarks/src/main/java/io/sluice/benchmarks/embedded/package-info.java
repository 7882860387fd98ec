/**
 * Benchmarks of the embedded broker against its baseline, raw JetStream on a local nats-server with
 * file storage, run side by side in one JMH run and reported as ratios.
 */
package io.sluice.benchmarks.embedded;
