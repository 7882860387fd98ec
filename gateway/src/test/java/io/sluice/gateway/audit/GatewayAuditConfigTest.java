package io.sluice.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.audit.OnStoreFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayAuditConfigTest {
  final List<String> problems = new ArrayList<>();

  @Test
  void noSection_withEmbeddedBroker_storesBesideTheBrokerData_andRefuses() {
    GatewayAuditConfig c = GatewayAuditConfig.fromMap(Map.of(), "embedded:/var/sluice", problems);

    assertThat(problems).isEmpty();
    assertThat(c.log().store().url()).isEqualTo("jdbc:h2:file:" + Path.of("/var/sluice", "audit"));
    assertThat(c.log().spoolDir()).isEqualTo(Path.of("/var/sluice", "audit-spool"));
    assertThat(c.log().onStoreFailure()).isEqualTo(OnStoreFailure.REFUSE);
    assertThat(c.mirrorSubject()).isEmpty();
  }

  @Test
  void noSection_withOtherBroker_storesUnderSluiceData() {
    GatewayAuditConfig c = GatewayAuditConfig.fromMap(Map.of(), "nats://127.0.0.1:4222", problems);

    assertThat(c.log().store().url())
        .isEqualTo("jdbc:h2:file:" + Path.of(".", "sluice-data", "audit"));
  }

  @Test
  void givenStoreAndMirror_areKept() {
    Map<String, Object> section =
        Map.of(
            "store", Map.of("url", "jdbc:h2:mem:x"),
            "mirror", Map.of("subject", "audit.records"));

    GatewayAuditConfig c = GatewayAuditConfig.fromMap(section, "mem:", problems);

    assertThat(c.log().store().url()).isEqualTo("jdbc:h2:mem:x");
    assertThat(c.mirrorSubject()).contains("audit.records");
  }

  @Test
  void unknownMirrorKey_isReportedByItsDottedName() {
    Map<String, Object> section = Map.of("mirror", Map.of("subject", "a.b", "topic", "x"));

    assertThat(GatewayAuditConfig.fromMap(section, "mem:", problems)).isNull();
    assertThat(problems).containsExactly("audit.mirror.topic: unknown key");
  }
}
