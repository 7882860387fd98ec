package io.sluice.broker;

/**
 * Receives {@link BrokerEvent}s; must be quick and must not throw (a throw is logged and ignored).
 */
@FunctionalInterface
public interface BrokerListener {
  void on(BrokerEvent event);
}
