package io.sluice.broker.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.Delivery;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class SupportTest {

  @Test
  void guardedHandler_thatThrows_nacksAndKeepsGoing() {
    List<String> settled = new ArrayList<>();
    GuardedHandler guarded =
        new GuardedHandler(
            d -> {
              throw new IllegalStateException("boom");
            },
            SubjectPattern.of("orders.>"),
            "acknowledging it");

    guarded.deliver(new SettlementLog(settled));
    guarded.deliver(new SettlementLog(settled));

    assertThat(settled).containsExactly("nack PT0S", "nack PT0S");
  }

  @Test
  void inFlight_completesWhenTheLastDeliveryLeaves() {
    InFlight inFlight = new InFlight();
    inFlight.enter();
    inFlight.enter();
    CompletableFuture<Void> idle = inFlight.whenIdle();

    inFlight.exit();
    assertThat(idle).isNotDone();
    inFlight.exit();

    assertThat(idle).isDone();
    assertThat(inFlight.whenIdle()).isDone();
  }

  @Test
  void settingDurations_readsShortAndIsoForms_andNamesTheKeyOfABadOne() {
    List<String> problems = new ArrayList<>();

    assertThat(SettingDurations.read("a", "500ms", problems)).contains(Duration.ofMillis(500));
    assertThat(SettingDurations.read("b", "2m", problems)).contains(Duration.ofMinutes(2));
    assertThat(SettingDurations.read("c", "PT1H", problems)).contains(Duration.ofHours(1));
    assertThat(SettingDurations.read("d", null, problems)).isEmpty();
    assertThat(SettingDurations.read("e", "soon", problems)).isEmpty();

    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith("e must be a duration")
        .contains("'soon'");
  }

  /** A delivery that records how it was settled. */
  private record SettlementLog(List<String> settled) implements Delivery {
    @Override
    public Subject subject() {
      return Subject.of("orders.created");
    }

    @Override
    public CloudEvent event() {
      return CloudEvent.builder().id("e-1").source("/test").type("t").build();
    }

    @Override
    public int deliveryCount() {
      return 1;
    }

    @Override
    public OptionalLong sequence() {
      return OptionalLong.empty();
    }

    @Override
    public CompletionStage<Void> ack() {
      return record("ack");
    }

    @Override
    public CompletionStage<Void> nack(Duration delay) {
      return record("nack " + delay);
    }

    @Override
    public CompletionStage<Void> term() {
      return record("term");
    }

    @Override
    public boolean expectsReply() {
      return false;
    }

    @Override
    public CompletionStage<Void> reply(CloudEvent reply) {
      throw new IllegalStateException("no reply expected");
    }

    private CompletionStage<Void> record(String what) {
      settled.add(what);
      return CompletableFuture.completedFuture(null);
    }
  }
}
