package io.sluice.nats.internal;

import io.nats.client.Message;
import io.sluice.broker.Delivery;
import io.sluice.broker.support.GuardedHandler;
import io.sluice.envelope.CloudEvent;
import java.util.function.Function;

/** The receiving end shared by core and JetStream subscriptions: decode, then hand over. */
final class Inbound {
  private Inbound() {}

  /**
   * Decodes the message and hands it to the handler as the delivery {@code wrap} makes of it; an
   * undecodable message is reported to the handler instead. Returns whether it was delivered.
   */
  static boolean deliver(
      Message message, GuardedHandler handler, Function<CloudEvent, Delivery> wrap) {
    CloudEvent event;
    try {
      event = EventCodec.decode(message);
    } catch (RuntimeException e) {
      handler.undecodable(message.getSubject(), e);
      return false;
    }
    handler.deliver(wrap.apply(event));
    return true;
  }
}
