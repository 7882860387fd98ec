package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.AckMode;
import io.sluice.broker.Broker;
import io.sluice.broker.DeliveryHandler;
import io.sluice.broker.PublishReceipt;
import io.sluice.broker.SubscribeOptions;
import io.sluice.broker.Subscription;
import io.sluice.envelope.CloudEvent;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;

/** Every subject and group the kit uses lives under the adapter's root and the test's token. */
class KitNamespaceTest {
  static final List<String> SUBJECTS = new CopyOnWriteArrayList<>();
  static final List<String> GROUPS = new CopyOnWriteArrayList<>();

  @Test
  void kitSubjectsAndGroups_areUnderTheRootAndUniquePerTest() {
    Map<String, TestExecutionResult> results =
        KitRunner.run(RootedKit.class, BrokerCompatibilityKit.ConsumerGroups.class);

    assertThat(results.values())
        .extracting(TestExecutionResult::getStatus)
        .containsOnly(Status.SUCCESSFUL);
    assertThat(SUBJECTS).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith("tenant-a.kit.t"));
    assertThat(SUBJECTS.stream().map(s -> s.split("\\.")[2]).distinct()).hasSize(results.size());
    assertThat(GROUPS).isNotEmpty().allSatisfy(g -> assertThat(g).matches(".+-t[0-9a-f]{12}"));
  }

  /** The kit against mem with a two-token root, recording every subject and group it uses. */
  static class RootedKit extends BrokerCompatibilityKit {
    @Override
    protected String subjectRoot() {
      return "tenant-a.kit";
    }

    @Override
    protected Broker openBroker() {
      return new DelegatingBroker(Broker.connect("mem:")) {
        @Override
        public CompletionStage<PublishReceipt> publish(Subject s, CloudEvent e, AckMode mode) {
          SUBJECTS.add(s.value());
          return super.publish(s, e, mode);
        }

        @Override
        public Subscription subscribe(SubjectPattern p, SubscribeOptions o, DeliveryHandler h) {
          SUBJECTS.add(p.value());
          o.groupName().ifPresent(GROUPS::add);
          return super.subscribe(p, o, h);
        }
      };
    }
  }
}
