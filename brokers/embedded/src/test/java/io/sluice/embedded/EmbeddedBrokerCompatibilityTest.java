package io.sluice.embedded;

import io.sluice.broker.Broker;
import io.sluice.testkit.BrokerCompatibilityKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker passes the compatibility kit, each test on a fresh data directory. */
class EmbeddedBrokerCompatibilityTest extends BrokerCompatibilityKit {
  @TempDir static Path root;

  @Override
  protected Broker openBroker() {
    try {
      return Broker.connect("embedded:" + Files.createTempDirectory(root, "kit"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same data directory again: durable publishes must still be there. */
  @Override
  protected Broker reopenBroker(Broker previous) {
    return Broker.connect(previous.url());
  }
}
