package io.sluice.library.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.sluice.envelope.CloudEvent;
import io.sluice.library.Event;
import io.sluice.library.EventContract;
import io.sluice.library.EventHandler;

/** Decodes and validates the payload, then runs the application's handler in a consumer span. */
final class InvokeStage<T> implements Stage {
  private final ClientContext context;
  private final EventContract<T> contract;
  private final EventHandler<T> handler;
  private final String subscription;

  InvokeStage(
      ClientContext context, EventContract<T> contract, EventHandler<T> handler, String name) {
    this.context = context;
    this.contract = contract;
    this.handler = handler;
    this.subscription = name;
  }

  @Override
  public Outcome apply(Attempt attempt) {
    CloudEvent cloudEvent = attempt.delivery().event();
    Span span = context.tracing().startHandle(cloudEvent, subscription);
    try (Scope ignored = span.makeCurrent()) {
      T payload = context.codec().decode(cloudEvent, contract);
      handler.handle(
          new Event<>(payload, cloudEvent, attempt.delivery().subject(), attempt.number()));
      return new Outcome.Done();
    } catch (Exception e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      return new Outcome.Failed(e);
    } finally {
      span.end();
    }
  }
}
