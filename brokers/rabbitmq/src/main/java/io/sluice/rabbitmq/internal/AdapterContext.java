package io.sluice.rabbitmq.internal;

import com.rabbitmq.client.Connection;
import io.sluice.rabbitmq.RabbitMqSettings;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/** What the parts of one broker connection share. */
record AdapterContext(
    Connection connection,
    ConfirmingPublisher publisher,
    RabbitMqSettings settings,
    ScheduledExecutorService timer,
    Executor callbacks) {}
