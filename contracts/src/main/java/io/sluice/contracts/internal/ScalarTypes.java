package io.sluice.contracts.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/** JSON types and formats for Java's scalar types. */
final class ScalarTypes {
  private static final Map<Class<?>, String[]> TYPES =
      Map.ofEntries(
          Map.entry(String.class, new String[] {"string"}),
          Map.entry(char.class, new String[] {"string"}),
          Map.entry(Character.class, new String[] {"string"}),
          Map.entry(boolean.class, new String[] {"boolean"}),
          Map.entry(Boolean.class, new String[] {"boolean"}),
          Map.entry(int.class, new String[] {"integer"}),
          Map.entry(Integer.class, new String[] {"integer"}),
          Map.entry(long.class, new String[] {"integer"}),
          Map.entry(Long.class, new String[] {"integer"}),
          Map.entry(short.class, new String[] {"integer"}),
          Map.entry(Short.class, new String[] {"integer"}),
          Map.entry(byte.class, new String[] {"integer"}),
          Map.entry(Byte.class, new String[] {"integer"}),
          Map.entry(BigInteger.class, new String[] {"integer"}),
          Map.entry(OptionalInt.class, new String[] {"integer"}),
          Map.entry(OptionalLong.class, new String[] {"integer"}),
          Map.entry(double.class, new String[] {"number"}),
          Map.entry(Double.class, new String[] {"number"}),
          Map.entry(float.class, new String[] {"number"}),
          Map.entry(Float.class, new String[] {"number"}),
          Map.entry(BigDecimal.class, new String[] {"number"}),
          Map.entry(OptionalDouble.class, new String[] {"number"}),
          Map.entry(Instant.class, new String[] {"string", "date-time"}),
          Map.entry(OffsetDateTime.class, new String[] {"string", "date-time"}),
          Map.entry(LocalDate.class, new String[] {"string", "date"}),
          Map.entry(UUID.class, new String[] {"string", "uuid"}),
          Map.entry(URI.class, new String[] {"string", "uri"}));

  private ScalarTypes() {}

  static Optional<ObjectNode> schemaFor(Class<?> type) {
    String[] spec = TYPES.get(type);
    if (spec == null) {
      return Optional.empty();
    }
    ObjectNode schema = Json.object().put("type", spec[0]);
    if (spec.length > 1) {
      schema.put("format", spec[1]);
    }
    if (type == char.class || type == Character.class) {
      schema.put("minLength", 1).put("maxLength", 1);
    }
    return Optional.of(schema);
  }
}
