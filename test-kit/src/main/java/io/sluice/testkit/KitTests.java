package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.Capability;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Assumptions;

/** What every group of the compatibility kit shares: the test's context and small helpers. */
abstract class KitTests {
  static final String SOURCE = "/sluice/kit";
  static final String TYPE = "io.sluice.kit.tested";

  /** The context of the running test, set up by {@link BrokerCompatibilityKit}. */
  abstract KitContext kit();

  Broker broker() {
    return kit().broker();
  }

  Subject subject(String suffix) {
    return kit().subject(suffix);
  }

  String group(String name) {
    return kit().group(name);
  }

  void requires(Capability... capabilities) {
    for (Capability capability : capabilities) {
      Assumptions.assumeTrue(broker().has(capability), "requires capability " + capability);
    }
  }

  static CloudEvent event(String id) {
    return eventBuilder(id).build();
  }

  static CloudEvent.Builder eventBuilder(String id) {
    return CloudEvent.builder()
        .id(id)
        .source(SOURCE)
        .type(TYPE)
        .data("text/plain", id.getBytes(StandardCharsets.UTF_8));
  }

  static CloudEvent keyed(String id, String extension, String value) {
    return eventBuilder(id).extension(extension, value).build();
  }

  PublishReceipt publish(Subject subject, CloudEvent event) {
    return join(broker().publish(subject, event, AckMode.FIRE_AND_FORGET));
  }

  PublishReceipt publishDurably(Subject subject, CloudEvent event) {
    return join(broker().publish(subject, event, AckMode.DURABLE));
  }

  /** Publishes events with the given ids, in order, and returns their receipts. */
  List<PublishReceipt> publishAll(Subject subject, String... ids) {
    List<PublishReceipt> receipts = new ArrayList<>();
    for (String id : ids) {
      receipts.add(publish(subject, event(id)));
    }
    return receipts;
  }

  static String[] ids(String prefix, int count) {
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = prefix + "-" + i;
    }
    return ids;
  }

  Subscription subscribe(String pattern, SubscribeOptions options, DeliveryHandler handler) {
    return kit().track(broker().subscribe(kit().pattern(pattern), options, handler));
  }

  Subscription subscribe(String pattern, DeliveryHandler handler) {
    return subscribe(pattern, SubscribeOptions.defaults(), handler);
  }

  /** Default options with the kit's short ackWait. */
  SubscribeOptions quickOptions() {
    return SubscribeOptions.defaults().withAckWait(ackWait());
  }

  /** A short ackWait (1 s, scaled) so redelivery tests stay fast. */
  Duration ackWait() {
    return kit().scaled(Duration.ofSeconds(1));
  }

  /** How long to watch for something that must not happen. */
  Duration quietPeriod() {
    return kit().scaled(Duration.ofMillis(300));
  }

  ConditionFactory await() {
    return Awaitility.await()
        .atMost(kit().awaitTimeout())
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(10));
  }

  /** Asserts that {@code count} reaches {@code expected} and stays there for {@code period}. */
  void assertSettlesAt(IntSupplier count, int expected, Duration period) {
    await().untilAsserted(() -> assertThat(count.getAsInt()).isGreaterThanOrEqualTo(expected));
    Awaitility.await()
        .during(period)
        .atMost(period.plus(kit().awaitTimeout()))
        .pollInterval(Duration.ofMillis(20))
        .untilAsserted(() -> assertThat(count.getAsInt()).isEqualTo(expected));
  }

  <T> T join(CompletionStage<T> stage) {
    try {
      return stage
          .toCompletableFuture()
          .get(kit().awaitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new CompletionException(e.getCause());
    } catch (TimeoutException e) {
      return fail("operation did not complete within " + kit().awaitTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  /** The exception a stage failed with, unwrapped; fails the test when it succeeds. */
  Throwable failureOf(CompletionStage<?> stage) {
    try {
      Object value = join(stage);
      return fail("expected a failure but completed with " + value);
    } catch (CompletionException e) {
      return e.getCause();
    }
  }

  /** The exception an operation threw, or the one its stage failed with. */
  Throwable failureOf(java.util.function.Supplier<CompletionStage<?>> operation) {
    try {
      return failureOf(operation.get());
    } catch (RuntimeException thrown) {
      return thrown;
    }
  }
}
