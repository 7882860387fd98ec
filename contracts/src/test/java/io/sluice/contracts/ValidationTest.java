package io.sluice.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sluice.subject.Subject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationTest {
  static final String ORDER =
      """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["id", "status", "amount", "customer", "lines"],
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "status": {"enum": ["NEW", "PAID"]},
          "sku": {"type": "string", "pattern": "^[A-Z]{3}-[0-9]+$"},
          "amount": {"type": "number", "minimum": 0, "maximum": 1000},
          "note": {"type": "string", "maxLength": 5},
          "customer": {
            "type": "object",
            "required": ["email"],
            "properties": {"email": {"type": "string", "format": "email"}}
          },
          "lines": {
            "type": "array",
            "minItems": 1,
            "items": {
              "type": "object",
              "required": ["qty"],
              "properties": {"qty": {"type": "integer", "minimum": 1}}
            }
          }
        }
      }
      """;
  static final String VALID =
      """
      {"id": "5f0c4a6e-3f0b-4c7e-9a51-2a1f0b7d7c11", "status": "NEW", "sku": "ABC-1",
       "amount": 12.5, "customer": {"email": "a@example.com"}, "lines": [{"qty": 2}]}
      """;
  static final Subject ORDERS = Subject.of("orders.created");

  @TempDir Path dir;
  SchemaRegistry registry;

  @BeforeEach
  void open() {
    registry =
        SchemaRegistry.open(
            RegistrySettings.of(StoreSettings.h2File(dir.resolve("db")))
                .withBindings(List.of(TypeBinding.of("order.created", "orders.>"))));
    registry.register("order.created", 1, ORDER);
  }

  @AfterEach
  void close() {
    registry.close();
  }

  ValidationResult validate(String data) {
    return registry.validate(Events.json("order.created", data).build(), ORDERS);
  }

  String with(String field, String value) {
    return VALID.replaceFirst(
        "\"" + field + "\": [^,}]+(\\})?", "\"" + field + "\": " + value + "$1");
  }

  @Test
  void validate_validPayload_hasNoViolations() {
    ValidationResult result = validate(VALID);
    assertThat(result.violations()).isEmpty();
    assertThat(result.version()).isEqualTo(1);
  }

  @Test
  void validate_wrongType_namesTypeAtPointer() {
    assertThat(validate(with("amount", "\"twelve\"")).violations())
        .extracting(ContractViolation::pointer, ContractViolation::rule)
        .containsExactly(tuple("/amount", "type"));
  }

  @Test
  void validate_missingRequired_pointsAtMissingMember() {
    String data = VALID.replace("\"status\": \"NEW\", ", "");
    assertThat(validate(data).violations())
        .extracting(ContractViolation::pointer, ContractViolation::rule)
        .containsExactly(tuple("/status", "required"));
  }

  @Test
  void validate_valueOutsideEnum_isEnumViolation() {
    assertThat(validate(with("status", "\"LOST\"")).violations())
        .extracting(ContractViolation::pointer, ContractViolation::rule)
        .containsExactly(tuple("/status", "enum"));
  }

  @Test
  void validate_patternMismatch_isPatternViolation() {
    assertThat(validate(with("sku", "\"abc\"")).violations())
        .extracting(ContractViolation::pointer, ContractViolation::rule)
        .containsExactly(tuple("/sku", "pattern"));
  }

  @Test
  void validate_badFormats_areFormatViolationsBecauseFormatIsAsserted() {
    String data = with("id", "\"not-a-uuid\"").replace("a@example.com", "nobody");
    assertThat(validate(data).violations())
        .extracting(ContractViolation::pointer, ContractViolation::rule)
        .containsExactlyInAnyOrder(tuple("/id", "format"), tuple("/customer/email", "format"));
  }

  @Test
  void validate_outOfBounds_namesEachBound() {
    String data = with("amount", "5000").replace("\"sku\"", "\"note\": \"too long\", \"sku\"");
    assertThat(validate(data).violations())
        .extracting(ContractViolation::pointer, ContractViolation::rule)
        .containsExactlyInAnyOrder(tuple("/amount", "maximum"), tuple("/note", "maxLength"));
  }

  @Test
  void validate_nestedArrayItems_pointIntoTheArray() {
    String data = VALID.replace("[{\"qty\": 2}]", "[{\"qty\": 2}, {\"qty\": 0}, {}]");
    assertThat(validate(data).violations())
        .extracting(ContractViolation::pointer, ContractViolation::rule)
        .containsExactlyInAnyOrder(
            tuple("/lines/1/qty", "minimum"), tuple("/lines/2/qty", "required"));
  }

  @Test
  void validate_emptyArray_isMinItemsViolation() {
    assertThat(validate(VALID.replace("[{\"qty\": 2}]", "[]")).violations())
        .extracting(ContractViolation::pointer, ContractViolation::rule)
        .containsExactly(tuple("/lines", "minItems"));
  }

  @Test
  void validate_everyViolationIsListed_notOnlyTheFirst() {
    String data = "{\"status\": 3, \"amount\": -1, \"lines\": []}";
    assertThat(validate(data).violations())
        .hasSizeGreaterThanOrEqualTo(5)
        .allSatisfy(v -> assertThat(v.message()).isNotBlank());
  }

  @Test
  void validate_unknownType_isRejectedByDefault() {
    var result = registry.validate(Events.json("nobody.knows", "{}").build(), ORDERS);
    assertThat(result.violations())
        .extracting(ContractViolation::rule)
        .containsExactly("unknown-type");
  }

  @Test
  void validate_unknownType_passesWhenAllowed() {
    try (var allowing =
        SchemaRegistry.open(
            RegistrySettings.of(StoreSettings.h2File(dir.resolve("other")))
                .withUnknownTypes(UnknownTypes.ALLOW))) {
      assertThat(allowing.validate(Events.json("nobody.knows", "{}").build(), ORDERS).isValid())
          .isTrue();
    }
  }

  @Test
  void validate_typeOnUnboundSubject_namesTheBinding() {
    var result =
        registry.validate(
            Events.json("order.created", VALID).build(), Subject.of("payments.created"));
    assertThat(result.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.rule()).isEqualTo("binding");
              assertThat(v.message()).contains("orders.>").contains("payments.created");
            });
  }

  @Test
  void validate_eventversionExtension_selectsTheVersion() {
    registry.register("order.created", 2, ORDER.replace("\"maximum\": 1000", "\"maximum\": 10000"));
    var data = with("amount", "5000");
    assertThat(
            registry
                .validate(
                    Events.json("order.created", data).extension("eventversion", "1").build(),
                    ORDERS)
                .violations())
        .hasSize(1);
    assertThat(registry.validate(Events.json("order.created", data).build(), ORDERS).version())
        .isEqualTo(2);
  }

  @Test
  void validate_dataschemaVersion_isUsedWithoutExtension() {
    var event =
        Events.json("order.created", VALID)
            .dataSchema(URI.create("https://schemas.example.com/order.created/1.json"))
            .build();
    assertThat(registry.validate(event, ORDERS).version()).isEqualTo(1);
  }

  @Test
  void validate_extensionDisagreeingWithDataschema_isVersionViolation() {
    var event =
        Events.json("order.created", VALID)
            .extension("eventversion", "1")
            .dataSchema(URI.create("https://schemas.example.com/order.created/v2"))
            .build();
    assertThat(registry.validate(event, ORDERS).violations())
        .extracting(ContractViolation::rule)
        .containsExactly("version");
  }

  @Test
  void validate_unregisteredVersion_listsRegisteredVersions() {
    var event = Events.json("order.created", VALID).extension("eventversion", "9").build();
    assertThat(registry.validate(event, ORDERS).violations())
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("no version 9").contains("[1]"));
  }

  @Test
  void validate_nonJsonData_isContentTypeViolation() {
    var event =
        Events.json("order.created", "")
            .data("text/plain", "hello".getBytes(StandardCharsets.UTF_8))
            .build();
    assertThat(registry.validate(event, ORDERS).violations())
        .extracting(ContractViolation::rule)
        .containsExactly("content-type");
  }

  @Test
  void validate_malformedJson_isJsonViolation() {
    assertThat(validate("{\"id\": ").violations())
        .extracting(ContractViolation::rule)
        .containsExactly("json");
  }
}
