/**
 * The Kafka adapter's implementation: {@link io.sluice.kafka.internal.KafkaBroker} owns one
 * idempotent producer, an admin client and a reply topic; each subscription owns a consumer read by
 * its own thread, tracks acknowledgements per partition and commits the highest contiguous one. Not
 * API.
 */
package io.sluice.kafka.internal;
