package io.sluice.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.sluice.contracts.ContractViolation;
import io.sluice.contracts.InvalidSchemaException;
import io.sluice.contracts.RegisteredSchema;
import java.util.List;

/**
 * A registered schema compiled once by the JSON Schema validator; validation never re-parses it.
 */
public final class CompiledSchema {
  private static final SchemaRegistry VALIDATORS =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder
                  .schemaLoader(loader -> loader.fetchRemoteResources(false))
                  .schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .formatAssertionsEnabled(true)
                          .pathType(PathType.JSON_POINTER)
                          .build()));

  private static final Schema META_SCHEMA =
      VALIDATORS.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

  private final RegisteredSchema source;
  private final JsonNode document;
  private final Schema schema;

  private CompiledSchema(RegisteredSchema source, JsonNode document, Schema schema) {
    this.source = source;
    this.document = document;
    this.schema = schema;
  }

  /** Parses and compiles; throws {@link InvalidSchemaException} naming the type and version. */
  public static CompiledSchema compile(RegisteredSchema source) {
    String label = source.type() + " version " + source.version();
    JsonNode document;
    try {
      document = Json.parseSchema(source.schemaJson());
    } catch (InvalidSchemaException e) {
      throw new InvalidSchemaException(label + ": " + e.getMessage(), e);
    }
    List<Error> metaErrors = META_SCHEMA.validate(document);
    if (!metaErrors.isEmpty()) {
      throw new InvalidSchemaException(
          label
              + ": not a valid draft 2020-12 schema: "
              + metaErrors.stream()
                  .map(e -> e.getInstanceLocation() + " " + e.getMessage())
                  .toList());
    }
    try {
      Schema schema = VALIDATORS.getSchema(document);
      schema.initializeValidators();
      return new CompiledSchema(source, document, schema);
    } catch (SchemaException | IllegalArgumentException e) {
      throw new InvalidSchemaException(label + ": not a valid JSON Schema: " + e.getMessage(), e);
    }
  }

  public RegisteredSchema source() {
    return source;
  }

  public JsonNode document() {
    return document;
  }

  /** Every violation of this schema by the instance. */
  public List<ContractViolation> validate(JsonNode instance) {
    return schema.validate(instance).stream().map(CompiledSchema::toViolation).toList();
  }

  private static ContractViolation toViolation(Error error) {
    String pointer = error.getInstanceLocation().toString();
    if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
      pointer = pointer + "/" + Json.token(error.getProperty());
    }
    String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
    return new ContractViolation(pointer, keyword, messageOf(error));
  }

  private static String messageOf(Error error) {
    return error.getMessage() == null ? "violates the schema" : error.getMessage();
  }
}
