package io.sluice.testkit;

import io.sluice.broker.Delivery;
import io.sluice.broker.DeliveryHandler;
import io.sluice.envelope.CloudEvent;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link DeliveryHandler} that records every delivery in arrival order, then reacts to it:
 * acknowledges it ({@link #autoAck()}), leaves it unsettled ({@link #manual()}) or does what the
 * test says ({@link #reacting}). Safe to read from the test thread while deliveries arrive.
 */
public final class RecordingHandler implements DeliveryHandler {
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final Consumer<Delivery> reaction;

  private RecordingHandler(Consumer<Delivery> reaction) {
    this.reaction = reaction;
  }

  /** Records and acknowledges each delivery. */
  public static RecordingHandler autoAck() {
    return new RecordingHandler(Delivery::ack);
  }

  /** Records each delivery and leaves it unsettled for the test to settle. */
  public static RecordingHandler manual() {
    return new RecordingHandler(d -> {});
  }

  /** Records each delivery, then hands it to {@code reaction}. */
  public static RecordingHandler reacting(Consumer<Delivery> reaction) {
    return new RecordingHandler(Objects.requireNonNull(reaction, "reaction"));
  }

  @Override
  public void onDelivery(Delivery delivery) {
    deliveries.add(delivery);
    reaction.accept(delivery);
  }

  /** Every delivery so far, in arrival order (a snapshot). */
  public List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** The events delivered so far, in arrival order. */
  public List<CloudEvent> events() {
    return deliveries.stream().map(Delivery::event).toList();
  }

  /** The ids of the events delivered so far, in arrival order, repeats included. */
  public List<String> ids() {
    return deliveries.stream().map(d -> d.event().id()).toList();
  }

  public int count() {
    return deliveries.size();
  }

  /** The delivery at {@code index} in arrival order. */
  public Delivery get(int index) {
    return deliveries.get(index);
  }

  /** The latest delivery; fails when there is none. */
  public Delivery last() {
    if (deliveries.isEmpty()) {
      throw new IllegalStateException("no delivery recorded yet");
    }
    return deliveries.get(deliveries.size() - 1);
  }
}
