/**
 * The RabbitMQ adapter's implementation. {@link io.sluice.rabbitmq.internal.RabbitMqBroker} owns
 * one connection; {@code ConfirmingPublisher} publishes with confirms and returns, {@code
 * ReplyRequests} does request-reply over direct reply-to, {@code RabbitSubscription} consumes one
 * queue per subscription and {@code Deduplicator} drops repeated idempotency keys in the process.
 */
package io.sluice.rabbitmq.internal;
