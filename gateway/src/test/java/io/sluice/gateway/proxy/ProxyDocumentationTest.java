package io.sluice.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.GatewayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two-service example in docs/proxy.md is a valid configuration. */
class ProxyDocumentationTest {
  private static final Path DOC = Path.of("..", "docs", "proxy.md");

  @Test
  void twoServiceExample_isAValidConfiguration() throws Exception {
    String doc = Files.readString(DOC);
    int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
    String yaml = doc.substring(start, doc.indexOf("```", start));

    GatewayConfig config = ConfigLoader.parse(yaml, Map.of());

    assertThat(config.proxy().routes())
        .extracting(ProxyConfig.Route::name)
        .containsExactly("orders", "billing");
    assertThat(config.proxy().pool("orders").instances()).hasSize(2);
    assertThat(config.proxy().assertion().enabled()).isTrue();
  }
}
