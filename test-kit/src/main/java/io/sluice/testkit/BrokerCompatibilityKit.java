package io.sluice.testkit;

import io.sluice.broker.Broker;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * The conformance suite every broker adapter passes. An adapter's test hands it a real broker:
 *
 * <pre>{@code
 * class NatsBrokerCompatibilityTest extends BrokerCompatibilityKit {
 *   @Override
 *   protected Broker openBroker() {
 *     return Broker.connect("nats://127.0.0.1:4222");
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #openBroker()} is called before <em>every</em> test and the kit closes the broker after
 * it, so each test starts from a fresh connection (and, for the in-memory broker, a fresh broker).
 * Every subject a test uses is {@code <subjectRoot()>.<token>.…} with a token unique to the test,
 * and every consumer group name ends with that token, so the kit can run against a shared broker;
 * an adapter that needs a stream can declare one over {@code <subjectRoot()>.>}. {@code subscribe}
 * must return only once the subscription receives events published after it returns.
 *
 * <p>A test that needs a {@link io.sluice.broker.Capability} the broker does not declare is
 * reported as skipped with the reason {@code requires capability X}. Tests that watch for
 * redelivery use a 1 second ackWait; slow brokers stretch it and every other wait with {@link
 * #timeScale()}.
 */
public abstract class BrokerCompatibilityKit {
  private KitContext context;

  /** Opens the broker under test; called before each test, closed by the kit after it. */
  protected abstract Broker openBroker();

  /**
   * Opens the broker again after the kit closed {@code previous}, on the same server or storage, to
   * check that durable publishes survive; only tests that need {@link
   * io.sluice.broker.Capability#DURABLE_PUBLISH} call it. The default calls {@link #openBroker()},
   * right for a server; an adapter whose {@code openBroker()} creates fresh storage reopens the old
   * one, e.g. {@code Broker.connect(previous.url())}.
   */
  protected Broker reopenBroker(Broker previous) {
    return openBroker();
  }

  /** First token of every subject the kit uses; default {@code kit}. */
  protected String subjectRoot() {
    return "kit";
  }

  /** Multiplies the kit's ackWait, delays and quiet periods; above 1 for slow brokers. */
  protected double timeScale() {
    return 1.0;
  }

  /** Longest wait for something that must happen; default 10 s, scaled. */
  protected Duration awaitTimeout() {
    return Duration.ofMillis(Math.round(10_000 * timeScale()));
  }

  @BeforeEach
  void openKitBroker() {
    context =
        new KitContext(
            openBroker(), this::reopenBroker, subjectRoot(), timeScale(), awaitTimeout());
  }

  @AfterEach
  void closeKitBroker() {
    if (context != null) {
      context.close();
    }
  }

  @Nested
  @DisplayName("Publishing: a publish completes with a receipt that says where the event landed")
  class Publishing extends PublishingTests {
    @Override
    KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Subscribing: a subscription receives exactly the subjects its pattern matches")
  class Subscribing extends SubscribingTests {
    @Override
    KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Consumer groups: each event goes to one member of each group")
  class ConsumerGroups extends ConsumerGroupTests {
    @Override
    KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Acknowledgement: a settled delivery is settled once and for all")
  class Acknowledgement extends AcknowledgementTests {
    @Override
    KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Redelivery: nacked and expired deliveries come back until a limit")
  class Redelivery extends RedeliveryTests {
    @Override
    KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Ordering: events arrive in publish order, per subscription and per key")
  class Ordering extends OrderingTests {
    @Override
    KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Replay: a new subscription can start from the beginning, a sequence or a time")
  class Replay extends ReplayTests {
    @Override
    KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Durable consumers: a group resumes where it left off after its members close")
  class DurableConsumers extends DurableConsumerTests {
    @Override
    KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Request-reply: a request completes with the first reply or fails clearly")
  class RequestReply extends RequestReplyTests {
    @Override
    KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("De-duplication: a repeated idempotency key is reported and not delivered")
  class Deduplication extends DeduplicationTests {
    @Override
    KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Events: every attribute and extension survives the trip through the broker")
  class Events extends EventRoundTripTests {
    @Override
    KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Back-pressure: no more than maxInFlight deliveries are unsettled at once")
  class BackPressure extends BackPressureTests {
    @Override
    KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Drain and close: work in progress finishes, then nothing new is accepted")
  class DrainAndClose extends DrainAndCloseTests {
    @Override
    KitContext kit() {
      return context;
    }
  }

  @Nested
  @DisplayName("Errors: misuse fails at once with an exception that names the problem")
  class Errors extends ErrorTests {
    @Override
    KitContext kit() {
      return context;
    }
  }
}
