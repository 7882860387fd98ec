package io.sluice.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The RabbitMQ on 127.0.0.1:5672 (guest/guest), with an exchange unique to the test run. Fails
 * loudly when RabbitMQ is not running. After the tests it deletes the exchanges, its own queues and
 * every group queue the brokers it opened declared; delay queues expire by themselves.
 */
final class RabbitMqTestServer implements BeforeAllCallback, AfterAllCallback {
  static final String URL = "amqp://guest:guest@127.0.0.1:5672";

  private final String exchange = "sluice-test-" + UUID.randomUUID().toString().substring(0, 8);
  private final Set<String> queues = ConcurrentHashMap.newKeySet();
  private Connection admin;
  private int depth;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (depth++ > 0) {
      return; // a nested test class: the outermost class set everything up
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2_000);
    } catch (IOException e) {
      throw new IllegalStateException(
          "RabbitMQ is not reachable on 127.0.0.1:5672: start RabbitMQ: rabbitmq-server -detached"
              + " (Debian package rabbitmq-server)",
          e);
    }
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(URL);
    admin = factory.newConnection("sluice-test-admin");
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (--depth > 0) {
      return;
    }
    try (Channel channel = admin.createChannel()) {
      for (String queue : queues) {
        channel.queueDelete(queue); // deleting a queue that is gone already is fine
      }
      channel.exchangeDelete(exchange);
      channel.exchangeDelete(exchange + ".requests");
    } finally {
      admin.close();
    }
  }

  String exchange() {
    return exchange;
  }

  Map<String, Object> settings() {
    return Map.of("exchange", exchange, "groupQueueExpiry", "20s");
  }

  /** A broker on the test's exchange; the group queues it declares are deleted after the tests. */
  Broker open() {
    RabbitMqSettings settings = RabbitMqSettings.from(settings());
    return new GroupRecordingBroker(
        Broker.connect(BrokerSpec.of(URL).withSettings(settings())),
        (group, pattern) -> queues.add(settings.groupQueue(group, pattern)));
  }

  /** A queue of the test's own bound to {@code bindingKey} on the event exchange. */
  String declareQueue(String bindingKey) {
    String queue = exchange + ".test." + UUID.randomUUID();
    try (Channel channel = admin.createChannel()) {
      channel.exchangeDeclare(exchange, "topic", true);
      channel.queueDeclare(queue, false, false, false, Map.of("x-max-length", 10_000));
      channel.queueBind(queue, exchange, bindingKey);
    } catch (IOException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("declaring test queue " + queue + " failed", e);
    }
    queues.add(queue);
    return queue;
  }

  Connection admin() {
    return admin;
  }
}
