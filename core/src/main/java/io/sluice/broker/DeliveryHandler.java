package io.sluice.broker;

/**
 * Receives deliveries of a subscription. The handler settles each delivery with {@link
 * Delivery#ack()}, {@link Delivery#nack} or {@link Delivery#term()}, now or later from any thread.
 * If it throws, the broker nacks the delivery and keeps the subscription running.
 */
@FunctionalInterface
public interface DeliveryHandler {
  void onDelivery(Delivery delivery) throws Exception;
}
