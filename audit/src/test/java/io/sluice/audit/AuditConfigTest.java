package io.sluice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditConfigTest {

  @Test
  void fromMap_readsEverySetting() {
    List<String> problems = new ArrayList<>();
    AuditConfig c =
        AuditConfig.fromMap(
            Map.of(
                "store",
                Map.of(
                    "url",
                    "jdbc:postgresql://127.0.0.1:5432/audit",
                    "username",
                    "gw",
                    "password",
                    "s3cret"),
                "onStoreFailure",
                "spool",
                "spoolDir",
                "/var/lib/sluice/spool",
                "queueCapacity",
                500,
                "retention",
                "90d",
                "chain",
                "gw-2"),
            problems);

    assertThat(problems).isEmpty();
    assertThat(c.store().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/audit");
    assertThat(c.store().username()).isEqualTo("gw");
    assertThat(c.onStoreFailure()).isEqualTo(OnStoreFailure.SPOOL);
    assertThat(c.spoolDir()).isEqualTo(Path.of("/var/lib/sluice/spool"));
    assertThat(c.queueCapacity()).isEqualTo(500);
    assertThat(c.retention()).contains(Duration.ofDays(90));
    assertThat(c.chain()).isEqualTo("gw-2");
  }

  @Test
  void fromMap_emptySection_givesDefaults() {
    List<String> problems = new ArrayList<>();
    AuditConfig c = AuditConfig.fromMap(Map.of(), problems);

    assertThat(problems).isEmpty();
    assertThat(c.store().url()).isEqualTo(StoreConfig.DEFAULT_URL);
    assertThat(c.onStoreFailure()).isEqualTo(OnStoreFailure.REFUSE);
    assertThat(c.retention()).isEmpty();
  }

  @Test
  void fromMap_badKeys_areNamedByDottedPath_andNothingIsReturned() {
    List<String> problems = new ArrayList<>();
    AuditConfig c =
        AuditConfig.fromMap(
            Map.of(
                "store", Map.of("url", "mysql://x", "pasword", "x"),
                "onStoreFailure", "drop",
                "queueCapacity", -3,
                "retention", "ninety days",
                "colour", "blue"),
            problems);

    assertThat(c).isNull();
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith("audit.store.pasword: unknown key"))
        .anySatisfy(p -> assertThat(p).startsWith("audit.store.url: ").contains("mysql://x"))
        .anySatisfy(p -> assertThat(p).startsWith("audit.onStoreFailure: ").contains("'drop'"))
        .anySatisfy(p -> assertThat(p).startsWith("audit.queueCapacity: ").contains("-3"))
        .anySatisfy(p -> assertThat(p).startsWith("audit.retention: ").contains("ninety days"))
        .anySatisfy(p -> assertThat(p).startsWith("audit.colour: unknown key"));
  }

  @Test
  void storeConfig_neverPrintsThePassword() {
    StoreConfig s =
        StoreConfig.of("jdbc:postgresql://gw:pw@127.0.0.1/audit?password=pw2", "gw", "s3cret");

    assertThat(s.toString()).doesNotContain("s3cret").doesNotContain("pw2").doesNotContain(":pw@");
  }

  @Test
  void builder_rejectsBadValues_namingThem() {
    assertThatThrownBy(() -> AuditConfig.builder().queueCapacity(0).build())
        .hasMessage("queueCapacity must be >= 1 but was 0");
    assertThatThrownBy(() -> AuditConfig.builder().chain(" ").build())
        .hasMessageContaining("chain must be");
  }
}
