package io.sluice.rabbitmq;

import io.sluice.broker.Broker;
import io.sluice.testkit.BrokerCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared broker compatibility kit against a real RabbitMQ. A durable publish to a subject no
 * queue is bound to is rejected, so the test binds one queue of its own to {@code kit.#}: the kit
 * publishes durably to subjects nobody subscribes to. It is bound to the event exchange only, so
 * requests to subjects without subscribers still find no responders.
 */
class RabbitMqBrokerCompatibilityTest extends BrokerCompatibilityKit {
  @RegisterExtension static final RabbitMqTestServer RABBIT = new RabbitMqTestServer();

  private static boolean kitQueueDeclared;

  @Override
  protected Broker openBroker() {
    keepEveryKitEvent();
    return RABBIT.open();
  }

  private static synchronized void keepEveryKitEvent() {
    if (!kitQueueDeclared) {
      RABBIT.declareQueue("kit.#");
      kitQueueDeclared = true;
    }
  }
}
