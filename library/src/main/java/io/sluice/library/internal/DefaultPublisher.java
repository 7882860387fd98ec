package io.sluice.library.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.sluice.broker.PublishReceipt;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.library.EventContract;
import io.sluice.library.PublishOptions;
import io.sluice.library.Publisher;
import io.sluice.library.SluiceEvent;
import io.sluice.subject.Subject;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Validates, encodes and publishes payloads of one contract to one subject. */
public final class DefaultPublisher<T> implements Publisher<T> {
  private final ClientContext context;
  private final Subject subject;
  private final EventContract<T> contract;

  public DefaultPublisher(ClientContext context, Subject subject, EventContract<T> contract) {
    this.context = context;
    this.subject = Objects.requireNonNull(subject, "subject");
    this.contract = Objects.requireNonNull(contract, "contract");
  }

  @Override
  public CompletionStage<PublishReceipt> publish(T payload) {
    return publish(payload, PublishOptions.defaults());
  }

  @Override
  public CompletionStage<PublishReceipt> publish(T payload, PublishOptions options) {
    Span span = context.tracing().startPublish(subject.value(), contract.name());
    CloudEvent event;
    try {
      event = build(payload, options, context.tracing().contextOf(span));
    } catch (RuntimeException e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName()).end();
      return CompletableFuture.failedFuture(e);
    }
    return context
        .broker()
        .publish(subject, event, context.strongestAckMode(options.ackMode()))
        .whenComplete((receipt, failure) -> finish(span, event, receipt, failure));
  }

  @Override
  public CloudEvent toEvent(T payload, PublishOptions options) {
    return build(payload, options, Map.of());
  }

  private CloudEvent build(T payload, PublishOptions options, Map<String, String> trace) {
    CloudEvent.Builder builder =
        CloudEvent.builder()
            .id(UUID.randomUUID().toString())
            .source(context.options().source())
            .type(contract.name())
            .time(context.options().clock().instant())
            .data(PayloadCodec.JSON, context.codec().encode(payload, contract))
            .extension(Extensions.EVENT_VERSION, contract.version())
            .extension(Extensions.CORRELATION_ID, options.correlationId())
            .extension(Extensions.IDEMPOTENCY_KEY, options.idempotencyKey())
            .extension(Extensions.PARTITION_KEY, options.partitionKey());
    trace.forEach(builder::extension);
    return builder.build();
  }

  private void finish(Span span, CloudEvent event, PublishReceipt receipt, Throwable failure) {
    if (failure != null) {
      span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    } else {
      context.emit(
          new SluiceEvent.Published(subject, event.id(), event.type(), receipt.duplicate()));
    }
    span.end();
  }
}
