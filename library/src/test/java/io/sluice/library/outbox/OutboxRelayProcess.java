package io.sluice.library.outbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerEvent;
import io.sluice.broker.BrokerSpec;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A relay in a process of its own, run until it is killed: {@code OutboxRelayProcess <jdbc url>
 * <table> <broker url> <batch size>}.
 */
public final class OutboxRelayProcess {
  static final String PUBLISHED = "published ";

  private OutboxRelayProcess() {}

  public static void main(String[] args) throws InterruptedException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setMaximumPoolSize(2);
    HikariDataSource dataSource = new HikariDataSource(config);
    Broker broker = Broker.connect(BrokerSpec.of(args[2]).withListener(OutboxRelayProcess::print));
    OutboxRelayOptions options =
        OutboxRelayOptions.defaults()
            .withTable(args[1])
            .withBatchSize(Integer.parseInt(args[3]))
            .withPollInterval(Duration.ofMillis(10));
    OutboxRelay.create(dataSource, broker, options).start();
    System.out.println("relay started");
    new CountDownLatch(1).await();
  }

  /**
   * One line per confirmed publish, so the parent knows what reached the broker before the kill.
   */
  private static void print(BrokerEvent event) {
    if (event instanceof BrokerEvent.Published published) {
      System.out.println(PUBLISHED + published.receipt().eventId());
      System.out.flush();
    }
  }
}
