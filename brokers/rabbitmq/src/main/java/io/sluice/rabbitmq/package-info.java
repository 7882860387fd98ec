/**
 * RabbitMQ as a Sluice broker ({@code amqp://} and {@code amqps://} URLs).
 *
 * <p>Events are published to one topic exchange ({@link io.sluice.rabbitmq.RabbitMqSettings
 * exchange}, default {@code sluice}) with the subject as routing key, in the CloudEvents AMQP
 * binding's binary mode. A consumer group is a durable quorum queue bound with the subscription's
 * pattern; a private subscription an exclusive auto-delete queue. Durable publishes wait for
 * publisher confirms and fail when no queue is bound. Requests travel on a second exchange and are
 * answered through direct reply-to. De-duplication of {@code idempotencykey} happens in the
 * adapter, within a window, because RabbitMQ has none.
 */
package io.sluice.rabbitmq;
