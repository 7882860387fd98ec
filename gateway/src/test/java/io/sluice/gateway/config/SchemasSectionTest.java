package io.sluice.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.contracts.CompatibilityMode;
import io.sluice.contracts.UnknownTypes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code schemas} section is checked with the rest of the configuration. */
class SchemasSectionTest {
  @Test
  void noSchemasSection_meansNoRegistry() {
    assertThat(ConfigLoader.parse("", Map.of()).schemas()).isEmpty();
  }

  @Test
  void schemasSection_isReadIntoRegistrySettings() {
    GatewayConfig config =
        ConfigLoader.parse(
            "schemas:\n  unknownTypes: allow\n  compatibility: full\n"
                + "  store: {url: \"jdbc:h2:mem:x\"}\n",
            Map.of());

    assertThat(config.schemas()).isPresent();
    assertThat(config.schemas().get().unknownTypes()).isEqualTo(UnknownTypes.ALLOW);
    assertThat(config.schemas().get().compatibility()).isEqualTo(CompatibilityMode.FULL);
  }

  @Test
  void badSchemasKeys_areReportedTogetherWithOtherProblemsByDottedName() {
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () ->
                ConfigLoader.parse(
                    "server: {port: 99999}\nschemas:\n  compatibility: sideways\n  color: red\n",
                    Map.of()));

    assertThat(e.problems())
        .anySatisfy(p -> assertThat(p).startsWith("server.port"))
        .anySatisfy(p -> assertThat(p).startsWith("schemas.compatibility").contains("sideways"))
        .anySatisfy(p -> assertThat(p).startsWith("schemas.color: unknown key"));
  }
}
