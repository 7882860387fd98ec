/**
 * Benchmarks of publish-time schema validation: what {@code SchemaRegistry.validate} adds to the
 * per-event cost of a publish. The baseline is the decoding every structured publish pays anyway
 * ({@code JsonFormat.decode}); the measured path decodes and validates the same bytes in the same
 * run, and the ratio between the two is the figure reported.
 */
package io.sluice.benchmarks.contracts;
