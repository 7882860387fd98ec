package io.sluice.nats;

import static io.sluice.nats.NatsTestEvents.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.sluice.broker.Broker;
import io.sluice.broker.BrokerSpec;
import io.sluice.testkit.servers.NatsServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NatsStreamProvisioningTest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  @Test
  void connect_missingStream_createsItAsDeclared() throws Exception {
    String name = "S" + unique();

    open(stream(name, "memory", "limits", "90s")).close();

    StreamConfiguration config = info(name).getConfiguration();
    assertThat(config.getSubjects()).containsExactly(name + ".>");
    assertThat(config.getMaxAge()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.getStorageType().toString()).isEqualToIgnoringCase("memory");
  }

  @Test
  void connect_compatibleDifference_updatesTheStream() throws Exception {
    String name = "S" + unique();
    open(stream(name, "memory", "limits", "90s")).close();

    open(stream(name, "memory", "limits", "2h")).close();

    assertThat(info(name).getConfiguration().getMaxAge()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void connect_incompatibleDifference_failsNamingIt() {
    String name = "S" + unique();
    open(stream(name, "memory", "limits", "90s")).close();

    InvalidNatsSettingsException e =
        catchThrowableOfType(
            InvalidNatsSettingsException.class,
            () -> open(stream(name, "file", "workqueue", "90s")));

    assertThat(e.problems())
        .containsExactly(
            "streams[0] '"
                + name
                + "': exists with storage memory but the settings ask for file; storage cannot"
                + " change in place",
            "streams[0] '"
                + name
                + "': exists with retention limits but the settings ask for workqueue; retention"
                + " cannot change in place");
  }

  private static Map<String, Object> stream(
      String name, String storage, String retention, String maxAge) {
    return Map.of(
        "streams",
        List.of(
            Map.of(
                "name", name,
                "subjects", List.of(name + ".>"),
                "storage", storage,
                "retention", retention,
                "maxAge", maxAge)));
  }

  private static Broker open(Map<String, Object> settings) {
    return Broker.connect(BrokerSpec.of(NATS.url()).withSettings(settings));
  }

  private static StreamInfo info(String name) throws Exception {
    try (Connection nc = Nats.connect(NATS.url())) {
      JetStreamManagement jsm = nc.jetStreamManagement();
      return jsm.getStreamInfo(name);
    }
  }
}
