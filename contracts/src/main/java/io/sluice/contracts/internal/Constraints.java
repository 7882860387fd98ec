package io.sluice.contracts.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Collection;

/** Bean Validation constraints as JSON Schema keywords. */
final class Constraints {
  private Constraints() {}

  static boolean isNullable(Collection<Annotation> annotations) {
    return annotations.stream()
        .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
  }

  static void apply(ObjectNode schema, Collection<Annotation> annotations) {
    for (Annotation a : annotations) {
      applyOne(schema, a, isArray(schema));
    }
  }

  private static boolean isArray(ObjectNode schema) {
    return "array".equals(schema.path("type").asText());
  }

  private static void applyOne(ObjectNode schema, Annotation a, boolean array) {
    switch (a) {
      case NotBlank ignored -> schema.put("minLength", 1).put("pattern", "\\S");
      case NotEmpty ignored -> schema.put(array ? "minItems" : "minLength", 1);
      case Size size -> size(schema, size, array);
      case Min min -> schema.put("minimum", min.value());
      case Max max -> schema.put("maximum", max.value());
      case DecimalMin min ->
          schema.put(min.inclusive() ? "minimum" : "exclusiveMinimum", new BigDecimal(min.value()));
      case DecimalMax max ->
          schema.put(max.inclusive() ? "maximum" : "exclusiveMaximum", new BigDecimal(max.value()));
      case Positive ignored -> schema.put("exclusiveMinimum", 0);
      case PositiveOrZero ignored -> schema.put("minimum", 0);
      case Negative ignored -> schema.put("exclusiveMaximum", 0);
      case NegativeOrZero ignored -> schema.put("maximum", 0);
      case Pattern pattern -> schema.put("pattern", "^(?:" + pattern.regexp() + ")$");
      case Email ignored -> schema.put("format", "email");
      default -> {}
    }
  }

  private static void size(ObjectNode schema, Size size, boolean array) {
    if (size.min() > 0) {
      schema.put(array ? "minItems" : "minLength", size.min());
    }
    if (size.max() < Integer.MAX_VALUE) {
      schema.put(array ? "maxItems" : "maxLength", size.max());
    }
  }
}
