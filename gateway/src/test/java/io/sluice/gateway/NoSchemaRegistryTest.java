package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without a {@code schemas} section there is no registry and no contract validation. */
class NoSchemaRegistryTest {
  static GatewayHarness harness;

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @BeforeAll
  static void start() {
    harness = GatewayHarness.start("", new TestPolicy());
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void publish_withoutSchemasSection_isNotValidated() {
    var response =
        harness.post(
            "/v1/events/orders.eu",
            harness.token("alice"),
            "application/cloudevents+json",
            SchemaFixtures.event("order.created", "{\"amount\": \"lots\"}"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  @Test
  void schemaEndpoints_withoutSchemasSection_return404() {
    var response = harness.get("/v1/schemas", harness.token("admin"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("no-schema-registry");
  }
}
