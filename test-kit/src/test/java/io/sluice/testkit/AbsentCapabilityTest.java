package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.Broker;
import io.sluice.broker.Capability;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;

/** A broker that lacks a capability sees the tests needing it skipped, with the reason. */
class AbsentCapabilityTest {

  @Test
  void testsNeedingAnAbsentCapability_areSkippedNamingIt() {
    Map<String, TestExecutionResult> results =
        run(BrokerCompatibilityKit.Deduplication.class, Capability.DEDUPLICATION);

    assertThat(results).hasSizeGreaterThanOrEqualTo(5);
    assertThat(results.values())
        .allSatisfy(
            r -> {
              assertThat(r.getStatus()).isEqualTo(Status.ABORTED);
              assertThat(r.getThrowable().orElseThrow())
                  .hasMessageContaining("requires capability DEDUPLICATION");
            });
  }

  @Test
  void testsNotNeedingTheCapability_stillRun() {
    Map<String, TestExecutionResult> results =
        run(BrokerCompatibilityKit.Publishing.class, Capability.SEQUENCES);

    assertThat(results.values())
        .extracting(TestExecutionResult::getStatus)
        .contains(Status.SUCCESSFUL)
        .doesNotContain(Status.FAILED);
    assertThat(results)
        .hasEntrySatisfying(
            "publish_withSequences_durableReceiptsCarryIncreasingSequences()",
            r ->
                assertThat(r.getThrowable().orElseThrow())
                    .hasMessageContaining("requires capability SEQUENCES"));
  }

  private static Map<String, TestExecutionResult> run(Class<?> group, Capability absent) {
    LimitedKit.absent = absent;
    return KitRunner.run(LimitedKit.class, group);
  }

  /** The kit against mem with one capability hidden; run only from the tests above. */
  static class LimitedKit extends BrokerCompatibilityKit {
    static volatile Capability absent;

    @Override
    protected Broker openBroker() {
      return new DelegatingBroker(Broker.connect("mem:")) {
        @Override
        public Set<Capability> capabilities() {
          Set<Capability> fewer = EnumSet.copyOf(super.capabilities());
          fewer.remove(absent);
          return fewer;
        }
      };
    }
  }
}
