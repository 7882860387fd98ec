/**
 * Push subscriptions (webhooks): each delivers the events of a subject pattern to an HTTPS or HTTP
 * endpoint as a signed structured CloudEvent. A subscription is a durable consumer group on the
 * broker ({@code push-<name>} unless named); an event is acknowledged only after the endpoint
 * answered 2xx, retried with exponential backoff and jitter otherwise, and after {@code
 * maxAttempts} published to the subscription's dead-letter subject (then acknowledged). The owner's
 * {@code subscribe} permission is checked on the pattern when the subscription starts and on every
 * delivered subject; a denied event is skipped, audited and acknowledged.
 *
 * <p>{@link io.sluice.gateway.push.PushSubscriptions} holds the running subscriptions, those from
 * the {@code push} section of the configuration and those created over the admin API, which it
 * keeps in a {@link io.sluice.gateway.push.PushStore}.
 */
package io.sluice.gateway.push;
