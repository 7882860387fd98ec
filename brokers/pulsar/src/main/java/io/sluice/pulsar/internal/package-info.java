/**
 * The Pulsar adapter's implementation: {@link io.sluice.pulsar.internal.PulsarBroker} owns one
 * Pulsar client, a producer per topic and a reply topic; each subscription is a Shared consumer
 * read by its own thread that bounds unsettled deliveries with a semaphore. Not API.
 */
package io.sluice.pulsar.internal;
