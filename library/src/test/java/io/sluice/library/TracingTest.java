package io.sluice.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.sluice.library.testing.TestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracingTest {
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .build();
  private final TestBroker broker = TestBroker.create();
  private final Sluice sluice = broker.client(SluiceOptions.defaults().withOpenTelemetry(otel));

  @AfterEach
  void close() {
    sluice.close();
    broker.close();
    otel.close();
  }

  @Test
  void handlerSpan_continuesThePublishersTraceFromTraceparent() {
    EventContract<UserCreated> contract = EventContract.of(UserCreated.class);
    sluice.subscribe(
        "users.created", contract, Handlers.of(event -> {}), ConsumerOptions.named("traced"));
    Span request = otel.getTracer("test").spanBuilder("POST /users").startSpan();

    try (Scope ignored = request.makeCurrent()) {
      sluice
          .publisher("users.created", contract)
          .publish(new UserCreated("u1", "ada@example.com"))
          .toCompletableFuture()
          .join();
    }
    request.end();

    await().until(() -> spans.getFinishedSpanItems().size() == 3);
    SpanData publish = find(SpanKind.PRODUCER);
    SpanData process = find(SpanKind.CONSUMER);
    assertThat(publish.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
    assertThat(process.getTraceId()).isEqualTo(publish.getTraceId());
    assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
    assertThat(process.getName()).isEqualTo("process user.created");
    assertThat(broker.published("users.created").getFirst().extension("traceparent")).isPresent();
  }

  private SpanData find(SpanKind kind) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getKind() == kind)
        .findFirst()
        .orElseThrow();
  }
}
