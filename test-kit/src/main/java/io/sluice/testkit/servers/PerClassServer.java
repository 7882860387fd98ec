package io.sluice.testkit.servers;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One server for the test class that registers the extension and its {@code @Nested} classes: JUnit
 * calls the callbacks again for every nested class, so only the outermost ones start and stop it.
 */
abstract class PerClassServer<S extends AutoCloseable>
    implements BeforeAllCallback, AfterAllCallback {
  private S server;
  private int depth;

  abstract S start();

  /** The server's URL, for brokers and clients. */
  public abstract String url();

  /** A broker connected to this server with {@code settings}. */
  public Broker connect(Map<String, Object> settings) {
    return Broker.connect(BrokerSpec.of(url()).withSettings(settings));
  }

  final S server() {
    return server;
  }

  @Override
  public final void beforeAll(ExtensionContext context) {
    if (depth++ == 0) {
      server = start();
    }
  }

  @Override
  public final void afterAll(ExtensionContext context) throws Exception {
    if (--depth == 0 && server != null) {
      server.close();
    }
  }
}
