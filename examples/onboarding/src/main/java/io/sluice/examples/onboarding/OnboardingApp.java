package io.sluice.examples.onboarding;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.library.ConsumerOptions;
import io.sluice.library.DeadLetters;
import io.sluice.library.Handlers;
import io.sluice.library.RetryPolicy;
import io.sluice.library.Sluice;
import io.sluice.library.SluiceOptions;
import io.sluice.library.idempotency.ProcessedKeyStore;
import io.sluice.library.outbox.Outbox;
import io.sluice.library.outbox.OutboxRelay;
import io.sluice.library.outbox.OutboxRelayOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the onboarding example: {@code OnboardingApp [broker-url] [port] [jdbc-url]}, by default
 * {@code embedded:./data/broker 8080 jdbc:h2:./data/onboarding}.
 */
public final class OnboardingApp {
  private static final Logger LOG = LoggerFactory.getLogger(OnboardingApp.class);
  static final String DEAD_LETTERS = "deadletter.users.created";

  private OnboardingApp() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Exception e) {
      LOG.error("the onboarding example could not start: {}", e.toString());
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    Running app =
        start(
            arg(args, 0, "embedded:./data/broker"),
            Integer.parseInt(arg(args, 1, "8080")),
            arg(args, 2, "jdbc:h2:./data/onboarding"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .unstarted(
                    () -> {
                      app.close();
                      stopped.countDown();
                    }));
    stopped.await();
  }

  /** Starts everything; port 0 picks a free port. */
  static Running start(String brokerUrl, int port, String jdbcUrl) throws Exception {
    HikariDataSource db = dataSource(jdbcUrl);
    Broker broker = Broker.connect(brokerSpec(brokerUrl));
    Sluice sluice = Sluice.client(broker, SluiceOptions.defaults().withSource("/examples/onb"));
    Users users =
        new Users(db, Outbox.create(), sluice.publisher(Users.SUBJECT, UserCreated.class));
    users.migrate();
    subscribe(sluice, db);
    OutboxRelay relay = OutboxRelay.create(db, broker, OutboxRelayOptions.defaults()).start();
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    http.createContext("/users", new UsersEndpoint(users));
    http.start();
    int bound = http.getAddress().getPort();
    LOG.info("onboarding example on http://127.0.0.1:{}/users, broker {}", bound, broker.url());
    return new Running(http, relay, sluice, broker, db);
  }

  /** The running example; closing stops it in reverse order of start. */
  record Running(
      HttpServer http, OutboxRelay relay, Sluice sluice, Broker broker, HikariDataSource db)
      implements AutoCloseable {
    int port() {
      return http.getAddress().getPort();
    }

    @Override
    public void close() {
      http.stop(0);
      relay.close();
      sluice.close();
      broker.close();
      db.close();
    }
  }

  private static void subscribe(Sluice sluice, HikariDataSource db) {
    sluice.subscribe(
        Users.SUBJECT,
        UserCreated.class,
        Handlers.of(new Onboarding())
            .withRetry(
                RetryPolicy.exponential(4, Duration.ofMillis(200), Duration.ofSeconds(2))
                    .withJitter(0.2))
            .withIdempotency(ProcessedKeyStore.jdbc(db, Duration.ofDays(7)))
            .withDeadLetter(DEAD_LETTERS),
        ConsumerOptions.named("onboarding").withConcurrency(4).withOrderByKey(true));
    sluice.subscribe(
        DEAD_LETTERS,
        UserCreated.class,
        Handlers.of(
            UserCreated.class,
            event ->
                LOG.warn(
                    "dead letter: user {} not onboarded after {} attempts: {}",
                    event.payload().userId(),
                    event.cloudEvent().extension(DeadLetters.ATTEMPTS).orElse("?"),
                    event.cloudEvent().extension(DeadLetters.ERROR_MESSAGE).orElse("?"))),
        ConsumerOptions.named("deadletters"));
  }

  /** On NATS, a JetStream stream must cover the subjects; other brokers need no settings. */
  private static BrokerSpec brokerSpec(String url) {
    BrokerSpec spec = BrokerSpec.of(url);
    if (!"nats".equals(spec.scheme())) {
      return spec;
    }
    Map<String, Object> stream =
        Map.of("name", "ONBOARDING", "subjects", List.of(Users.SUBJECT, DEAD_LETTERS));
    return spec.withSettings(Map.of("streams", List.of(stream)));
  }

  private static HikariDataSource dataSource(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(8);
    return new HikariDataSource(config);
  }

  private static String arg(String[] args, int index, String fallback) {
    return args.length > index ? args[index] : fallback;
  }
}
