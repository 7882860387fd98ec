package io.sluice.library.internal;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.Capability;
import io.sluice.library.SluiceEvent;
import io.sluice.library.SluiceListener;
import io.sluice.library.SluiceOptions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a client's publishers and subscriptions share. */
public record ClientContext(
    Broker broker,
    SluiceOptions options,
    PayloadCodec codec,
    Tracing tracing,
    List<SluiceListener> listeners) {
  private static final Logger LOG = LoggerFactory.getLogger(ClientContext.class);

  public static ClientContext create(Broker broker, SluiceOptions options) {
    List<SluiceListener> listeners = new ArrayList<>();
    listeners.add(new MetricsListener(options.meterRegistry()));
    listeners.addAll(options.listeners());
    return new ClientContext(
        broker,
        options,
        PayloadCodec.create(),
        new Tracing(options.openTelemetry()),
        List.copyOf(listeners));
  }

  /** Hands an event to every listener; a throwing listener is logged and skipped. */
  public void emit(SluiceEvent event) {
    for (SluiceListener listener : listeners) {
      try {
        listener.on(event);
      } catch (RuntimeException e) {
        LOG.warn("listener {} failed on {}: {}", listener, event.getClass().getSimpleName(), e);
      }
    }
  }

  /** Durable where the broker can persist, else the best it offers. */
  public AckMode strongestAckMode(AckMode wanted) {
    return wanted == AckMode.DURABLE && !broker.has(Capability.DURABLE_PUBLISH)
        ? AckMode.FIRE_AND_FORGET
        : wanted;
  }
}
