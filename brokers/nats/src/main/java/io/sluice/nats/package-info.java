/**
 * The NATS adapter: core NATS for fire-and-forget publishing, plain and queue-group subscriptions
 * and request-reply; JetStream for durable publishing, de-duplication and durable consumers.
 *
 * <p>A broker opened with {@code nats://[user:password@|token@]host:port} connects once and keeps
 * reconnecting with backoff. Streams are declared in the broker settings ({@link
 * io.sluice.nats.StreamSettings}) and created or checked at connect. A {@link
 * io.sluice.broker.AckMode#DURABLE} publish goes through JetStream and returns the stream's
 * acknowledgement as the receipt; a subject no stream covers is rejected, never downgraded. A
 * subscription whose pattern lies within a stream reads from a JetStream consumer (durable when it
 * names a group), any other subscription is a core NATS one. Events travel in the CloudEvents NATS
 * binding's binary mode ({@code ce-} headers, data as the payload); structured mode is accepted on
 * receive.
 */
package io.sluice.nats;
