package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.broker.Broker;
import io.sluice.broker.Capability;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;

/** The durable-publish check closes the broker and reopens it through the adapter's hook. */
class ReopenBrokerTest {
  static final List<String> REOPENED_AFTER = new CopyOnWriteArrayList<>();

  @Test
  void durablePublishCheck_reopensThroughTheHook_andFindsTheEvent() {
    Map<String, TestExecutionResult> results =
        KitRunner.run(SurvivingKit.class, BrokerCompatibilityKit.Publishing.class);

    assertThat(results)
        .hasEntrySatisfying(
            "durablePublish_survivesClosingAndReopeningTheBroker()",
            r -> assertThat(r.getStatus()).isEqualTo(Status.SUCCESSFUL));
    assertThat(REOPENED_AFTER).containsExactly("mem:");
  }

  /**
   * Pretends mem is durable: every connection shares one mem broker that closing a connection
   * leaves running, the way a server outlives its clients.
   */
  static class SurvivingKit extends BrokerCompatibilityKit {
    private final Broker server = Broker.connect("mem:");

    @org.junit.jupiter.api.AfterEach
    void stopServer() {
      server.close();
    }

    @Override
    protected Broker openBroker() {
      return new DelegatingBroker(server) {
        private volatile boolean closed;

        @Override
        public Set<Capability> capabilities() {
          Set<Capability> more = EnumSet.copyOf(super.capabilities());
          more.add(Capability.DURABLE_PUBLISH);
          return more;
        }

        @Override
        public io.sluice.broker.ConnectionState state() {
          return closed ? io.sluice.broker.ConnectionState.CLOSED : super.state();
        }

        @Override
        public void close() {
          closed = true;
        }
      };
    }

    @Override
    protected Broker reopenBroker(Broker previous) {
      REOPENED_AFTER.add(previous.url());
      return openBroker();
    }
  }
}
