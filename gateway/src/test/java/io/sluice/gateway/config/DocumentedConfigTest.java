package io.sluice.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The configuration documented in docs/gateway.md is valid, and every key is documented. */
class DocumentedConfigTest {
  static final Path DOC = Path.of("..", "docs", "gateway.md");

  @Test
  void exampleConfiguration_inDocs_isValid() throws Exception {
    Matcher yaml =
        Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
    assertThat(yaml.find()).as("a ```yaml block in " + DOC).isTrue();

    GatewayConfig config = ConfigLoader.parse(yaml.group(1), Map.of());

    assertThat(config.developmentMode()).isFalse();
    assertThat(config.publish().ackOverrides()).hasSize(1);
  }

  @Test
  void everyConfigurationKey_isDocumented() throws Exception {
    String doc = Files.readString(DOC);

    for (String key : ConfigLoader.KEYS) {
      assertThat(doc).as("docs/gateway.md documents " + key).contains("`" + key + "`");
    }
  }
}
