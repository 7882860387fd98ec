/**
 * The NATS adapter's implementation; not API.
 *
 * <p>{@link io.sluice.nats.internal.NatsBroker} owns one jnats connection opened by {@code
 * Connector} and follows its state with {@code ConnectionStateTracker}. {@code Publishers} sends
 * core publishes and JetStream publishes (whose acknowledgement becomes the receipt); {@code
 * StreamLocator} decides whether a subject or pattern lies in a stream, and so whether a
 * subscription is a {@code JetStreamSubscription} (a pull consumer with explicit acknowledgement,
 * durable when it has a group) or a {@code CoreSubscription}. {@code Requests} does request-reply,
 * routing requests to stream subjects through {@code RequestSubjects} so JetStream does not capture
 * them. {@code EventCodec} is the CloudEvents NATS binding. {@code StreamProvisioner} makes the
 * server's streams match the settings read by {@code SettingsReader}.
 */
package io.sluice.nats.internal;
