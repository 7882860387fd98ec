package io.sluice.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrokerSpecTest {

  @Test
  void urlThatIsOnlyAScheme_isAccepted() {
    BrokerSpec spec = BrokerSpec.of("mem:");

    assertThat(spec.scheme()).isEqualTo("mem");
  }

  @Test
  void opaqueAndHierarchicalUrls_keepTheirScheme() {
    assertThat(BrokerSpec.of("mem:orders").scheme()).isEqualTo("mem");
    assertThat(BrokerSpec.of("NATS://127.0.0.1:4222").scheme()).isEqualTo("nats");
  }

  @Test
  void redactedUrl_hidesUserInformation() {
    assertThat(BrokerSpec.of("nats://alice:secret@127.0.0.1:4222").redactedUrl())
        .isEqualTo("nats://***@127.0.0.1:4222");
  }

  @Test
  void invalidUrl_isRejectedWithoutItsPassword() {
    assertThatThrownBy(() -> BrokerSpec.of("nats://alice:secret@host:42 22"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
  }

  @Test
  void memScheme_opensTheInMemoryBrokerThroughTheServiceLoader() {
    try (Broker broker = Broker.connect("mem:")) {
      assertThat(broker.url()).isEqualTo("mem:");
      assertThat(broker.state()).isEqualTo(ConnectionState.CONNECTED);
    }
  }
}
