package io.sluice.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sluice.subject.Subject;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordSchemasTest {
  @Retention(RetentionPolicy.RUNTIME)
  @interface Nullable {}

  enum Status {
    NEW,
    PAID
  }

  record Customer(@NotBlank String name, @Email String email) {}

  record Line(@Pattern(regexp = "[A-Z]{3}-[0-9]+") String sku, @Positive int quantity) {}

  record OrderPlaced(
      UUID orderId,
      Instant placedAt,
      Status status,
      Customer customer,
      @Size(min = 1, max = 50) List<Line> lines,
      Set<String> tags,
      @Min(0) @Max(100_000) BigDecimal total,
      boolean gift,
      Optional<String> note,
      @Nullable String coupon) {}

  record Node(String name, List<Node> children) {}

  record Unsupported(Object anything) {}

  final JsonNode schema = RecordSchemas.of(OrderPlaced.class);

  @Test
  void of_declaresDraft202012AndTheRecordName() {
    assertThat(schema.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.get("title").asText()).isEqualTo("OrderPlaced");
    assertThat(schema.get("type").asText()).isEqualTo("object");
  }

  @Test
  void of_requiresEveryComponentExceptOptionalAndNullable() {
    assertThat(schema.get("required"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "orderId", "placedAt", "status", "customer", "lines", "tags", "total", "gift");
  }

  @Test
  void of_mapsScalarTypesAndFormats() {
    JsonNode p = schema.get("properties");
    assertThat(p.at("/orderId/format").asText()).isEqualTo("uuid");
    assertThat(p.at("/placedAt/format").asText()).isEqualTo("date-time");
    assertThat(p.at("/total/type").asText()).isEqualTo("number");
    assertThat(p.at("/gift/type").asText()).isEqualTo("boolean");
    assertThat(p.at("/status/enum")).extracting(JsonNode::asText).containsExactly("NEW", "PAID");
    assertThat(p.at("/note/type")).extracting(JsonNode::asText).containsExactly("string", "null");
    assertThat(p.at("/coupon/type")).extracting(JsonNode::asText).containsExactly("string", "null");
  }

  @Test
  void of_mapsCollectionsAndNestedRecords() {
    JsonNode p = schema.get("properties");
    assertThat(p.at("/lines/type").asText()).isEqualTo("array");
    assertThat(p.at("/lines/items/properties/quantity/type").asText()).isEqualTo("integer");
    assertThat(p.at("/tags/uniqueItems").asBoolean()).isTrue();
    assertThat(p.at("/customer/required"))
        .extracting(JsonNode::asText)
        .containsExactly("name", "email");
  }

  @Test
  void of_mapsBeanValidationConstraints() {
    JsonNode p = schema.get("properties");
    assertThat(p.at("/customer/properties/name/minLength").asInt()).isEqualTo(1);
    assertThat(p.at("/customer/properties/email/format").asText()).isEqualTo("email");
    assertThat(p.at("/lines/minItems").asInt()).isEqualTo(1);
    assertThat(p.at("/lines/maxItems").asInt()).isEqualTo(50);
    assertThat(p.at("/lines/items/properties/sku/pattern").asText())
        .isEqualTo("^(?:[A-Z]{3}-[0-9]+)$");
    assertThat(p.at("/lines/items/properties/quantity/exclusiveMinimum").asInt()).isZero();
    assertThat(p.at("/total/minimum").asInt()).isZero();
    assertThat(p.at("/total/maximum").asInt()).isEqualTo(100_000);
  }

  @Test
  void of_recursiveRecord_isRefusedWithThePath() {
    assertThatThrownBy(() -> RecordSchemas.of(Node.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refers to itself");
  }

  @Test
  void of_unsupportedComponentType_namesTheType() {
    assertThatThrownBy(() -> RecordSchemas.of(Unsupported.class))
        .hasMessageContaining("java.lang.Object")
        .hasMessageContaining("Unsupported");
  }

  @Test
  void roundTrip_recordInstance_validatesAgainstItsRegisteredSchema(@TempDir Path dir)
      throws Exception {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    var order =
        new OrderPlaced(
            UUID.randomUUID(),
            Instant.parse("2026-01-02T03:04:05Z"),
            Status.PAID,
            new Customer("Ada", "ada@example.com"),
            List.of(new Line("ABC-1", 2)),
            Set.of("vip"),
            new BigDecimal("19.90"),
            false,
            Optional.empty(),
            null);
    var broken =
        new OrderPlaced(
            order.orderId(),
            order.placedAt(),
            Status.NEW,
            new Customer(" ", "not-an-email"),
            List.of(new Line("abc", 0)),
            Set.of(),
            new BigDecimal("-1"),
            true,
            Optional.of("x"),
            "C1");
    try (var registry =
        SchemaRegistry.open(RegistrySettings.of(StoreSettings.h2File(dir.resolve("db"))))) {
      var registration =
          registry.register("order.placed", 1, RecordSchemas.json(OrderPlaced.class));
      assertThat(registration.outcome()).isEqualTo(Registration.Outcome.REGISTERED);
      var subject = Subject.of("orders.placed");
      assertThat(
              registry
                  .validate(
                      Events.json("order.placed", mapper.writeValueAsString(order)).build(),
                      subject)
                  .violations())
          .isEmpty();
      assertThat(
              registry
                  .validate(
                      Events.json("order.placed", mapper.writeValueAsString(broken)).build(),
                      subject)
                  .violations())
          .extracting(ContractViolation::pointer)
          .containsExactlyInAnyOrder(
              "/customer/name", "/customer/email", "/lines/0/sku", "/lines/0/quantity", "/total");
    }
  }
}
