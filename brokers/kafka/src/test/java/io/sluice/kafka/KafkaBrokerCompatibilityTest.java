package io.sluice.kafka;

import io.sluice.broker.Broker;
import io.sluice.testkit.BrokerCompatibilityKit;
import org.junit.jupiter.api.AfterAll;

class KafkaBrokerCompatibilityTest extends BrokerCompatibilityKit {

  @Override
  protected Broker openBroker() {
    return TestBroker.connect();
  }

  @Override
  protected String subjectRoot() {
    return "kit-kafka";
  }

  @AfterAll
  static void deleteKitTopics() throws Exception {
    TestBroker.deleteTopics("kit-kafka.");
  }
}
