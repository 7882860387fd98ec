package io.sluice.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.SubscribeOptions;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import io.sluice.testkit.RecordingHandler;
import io.sluice.testkit.servers.RedisServerExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A broker outlives a Redis restart: connections come back and subscriptions keep reading. */
class RedisRestartTest {
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private static CloudEvent event(String id) {
    return CloudEvent.builder().id(id).source("/test").type("io.sluice.test").build();
  }

  @Test
  void groupAndPrivateSubscriptions_keepDelivering_afterRedisRestarts() throws Exception {
    try (Broker broker = REDIS.connect(Map.of("claimInterval", "100ms", "scanInterval", "100ms"))) {
      RecordingHandler member = RecordingHandler.autoAck();
      RecordingHandler watcher = RecordingHandler.autoAck();
      broker.subscribe(
          SubjectPattern.of("restart.jobs"), SubscribeOptions.group("workers"), member);
      broker.subscribe(SubjectPattern.of("restart.*"), SubscribeOptions.defaults(), watcher);
      broker.publish(Subject.of("restart.jobs"), event("before"), AckMode.DURABLE);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> member.count() == 1 && watcher.count() == 1);

      REDIS.restart();
      await()
          .atMost(Duration.ofSeconds(20))
          .ignoreExceptions()
          .until(
              () ->
                  broker
                          .publish(Subject.of("restart.jobs"), event("after"), AckMode.DURABLE)
                          .toCompletableFuture()
                          .join()
                      != null);

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                assertThat(member.ids()).contains("after");
                assertThat(watcher.ids()).contains("after");
              });
      assertThat(member.ids()).startsWith("before");
    }
  }
}
