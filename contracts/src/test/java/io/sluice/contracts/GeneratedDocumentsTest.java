package io.sluice.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.broker.AckMode;
import io.sluice.subject.SubjectPattern;
import io.sluice.testkit.documents.OfficialDocumentCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Generates both documents and has the official tools check them: {@code @asyncapi/parser} 3.x and
 * Spectral's OpenAPI ruleset, installed with npm into {@code target/node}.
 */
class GeneratedDocumentsTest {
  static final ServerInfo SERVER =
      new ServerInfo(
          "Sluice gateway",
          "1.0.0",
          "events.example.com:8443",
          true,
          "Publish and subscribe to events over HTTP.");

  record Customer(String name, String email) {}

  record OrderPlaced(java.util.UUID orderId, Customer customer, List<String> skus) {}

  static AsyncApiDocument asyncApi(EnvelopeMode mode) {
    var schemas =
        List.of(
            new RegisteredSchema("order.placed", 1, RecordSchemas.json(OrderPlaced.class)),
            new RegisteredSchema("order.shipped", 2, ValidationTest.ORDER));
    var channels =
        List.of(
            new ChannelDescription(
                SubjectPattern.of("orders.>"),
                AckMode.DURABLE,
                Optional.of("ORDERS"),
                true,
                true,
                List.of("order.placed", "order.shipped")),
            new ChannelDescription(
                SubjectPattern.of("audit.*"),
                AckMode.FIRE_AND_FORGET,
                Optional.empty(),
                false,
                true,
                List.of()));
    return AsyncApiDocument.generate(
        new AsyncApiInputs(
            SERVER,
            channels,
            schemas,
            Set.of(SecurityScheme.BEARER_JWT, SecurityScheme.API_KEY, SecurityScheme.MTLS),
            mode));
  }

  static OpenApiDocument openApi() {
    String event =
        "{\"type\": \"object\", \"required\": [\"type\"],"
            + " \"properties\": {\"type\": {\"type\": \"string\"}}}";
    String receipt =
        "{\"type\": \"object\", \"properties\": {\"stream\": {\"type\": \"string\"},"
            + " \"sequence\": {\"type\": \"integer\"}}}";
    return OpenApiDocument.generate(
        SERVER,
        List.of(
            RouteDescription.of(
                    "POST",
                    "/v1/events/{subject}",
                    "Publish one event",
                    ResponseDescription.json(202, "Published", receipt),
                    ResponseDescription.problem(400, "The event is invalid"),
                    ResponseDescription.problem(401, "Not authenticated"),
                    ResponseDescription.problem(403, "Not allowed on this subject"))
                .accepting(event, "application/cloudevents+json", "application/json")
                .securedBy(SecurityScheme.BEARER_JWT, SecurityScheme.API_KEY),
            RouteDescription.of(
                "GET", "/health/live", "Liveness", ResponseDescription.empty(200, "Alive"))));
  }

  @Test
  void officialTools_findNoErrorsInEitherDocument_structuredMode() throws Exception {
    check(asyncApi(EnvelopeMode.STRUCTURED), "structured");
  }

  @Test
  void officialTools_findNoErrorsInEitherDocument_binaryMode() throws Exception {
    check(asyncApi(EnvelopeMode.BINARY), "binary");
  }

  private static void check(AsyncApiDocument asyncApi, String name) throws Exception {
    System.out.println(OfficialDocumentCheck.check(name, asyncApi.json(), openApi().json()));
  }

  @Test
  void asyncApi_hasAChannelPerPatternAndInlinesEverySchema() {
    JsonNode doc = asyncApi(EnvelopeMode.STRUCTURED).node();
    assertThat(doc.get("asyncapi").asText()).isEqualTo("3.0.0");
    assertThat(doc.at("/channels/orders_all/address").asText()).isEqualTo("orders.>");
    assertThat(doc.at("/channels/orders_all/x-sluice-ack-mode").asText()).isEqualTo("durable");
    assertThat(doc.at("/operations/publish_orders_all/action").asText()).isEqualTo("receive");
    assertThat(doc.at("/operations/subscribe_audit_any/action").asText()).isEqualTo("send");
    assertThat(doc.has("operations") && doc.get("operations").has("publish_audit_any")).isFalse();
    assertThat(
            doc.at(
                    "/components/messages/order_placed_v1/payload/properties/data/properties"
                        + "/customer/properties/email/type")
                .asText())
        .isEqualTo("string");
    assertThat(
            doc.at("/components/messages/order_placed_v1/payload/properties/type/const").asText())
        .isEqualTo("order.placed");
    assertThat(refs(doc)).allSatisfy(ref -> assertThat(ref).startsWith("#/"));
  }

  @Test
  void asyncApi_binaryMode_putsAttributesInHeaders() {
    JsonNode message =
        asyncApi(EnvelopeMode.BINARY).node().at("/components/messages/order_placed_v1");
    assertThat(message.at("/headers/properties/ce-type/const").asText()).isEqualTo("order.placed");
    assertThat(message.at("/payload/properties/orderId/format").asText()).isEqualTo("uuid");
  }

  @Test
  void openApi_describesRoutesParametersProblemsAndSecurity() {
    JsonNode doc = openApi().node();
    JsonNode publish = doc.at("/paths/~1v1~1events~1{subject}/post");
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(publish.at("/parameters/0/name").asText()).isEqualTo("subject");
    assertThat(publish.at("/requestBody/content").fieldNames())
        .toIterable()
        .containsExactly("application/cloudevents+json", "application/json");
    assertThat(publish.at("/responses/403/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(publish.at("/security")).hasSize(2);
    assertThat(doc.at("/components/securitySchemes/bearerJwt/scheme").asText()).isEqualTo("bearer");
  }

  private static List<String> refs(JsonNode node) {
    List<String> refs = new ArrayList<>();
    node.findValues("$ref").forEach(r -> refs.add(r.asText()));
    return refs;
  }
}
