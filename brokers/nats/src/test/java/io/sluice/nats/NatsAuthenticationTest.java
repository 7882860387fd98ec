package io.sluice.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.broker.Broker;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.broker.ConnectionState;
import io.sluice.testkit.servers.NatsServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Credentials come from the URL's user information and never show up in urls or errors. */
class NatsAuthenticationTest {
  @RegisterExtension
  static final NatsServerExtension NATS =
      new NatsServerExtension(List.of("--user", "alice", "--pass", "s3cret-Pa55"));

  @Test
  void connect_withUserAndPasswordInUrl_authenticates() {
    try (Broker broker = Broker.connect(withUserInfo("alice:s3cret-Pa55"))) {
      assertThat(broker.state()).isEqualTo(ConnectionState.CONNECTED);
      assertThat(broker.url()).doesNotContain("s3cret-Pa55");
    }
  }

  @Test
  void connect_withWrongPassword_failsWithoutShowingIt() {
    Throwable failure = catchThrowable(() -> Broker.connect(withUserInfo("alice:guess-Me-42")));

    assertThat(failure)
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("cannot connect to NATS at nats://***@127.0.0.1:" + NATS.port())
        .hasMessageNotContaining("guess-Me-42");
  }

  private static String withUserInfo(String userInfo) {
    return NATS.url().replace("nats://", "nats://" + userInfo + "@");
  }
}
