package io.sluice.contracts.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Walks a record's components and writes the JSON Schema for each. */
public final class RecordSchemaWriter {
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  private final Deque<Class<?>> path = new ArrayDeque<>();

  private RecordSchemaWriter() {}

  /** The full document for a record type. */
  public static ObjectNode document(Class<? extends Record> type) {
    ObjectNode schema = Json.object();
    schema.put("$schema", DIALECT);
    schema.put("title", type.getSimpleName());
    schema.setAll(new RecordSchemaWriter().record(type));
    return schema;
  }

  ObjectNode record(Class<?> type) {
    if (path.contains(type)) {
      throw new IllegalArgumentException(
          "record " + type.getName() + " refers to itself through " + path + "; not supported");
    }
    path.push(type);
    ObjectNode schema = Json.object().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = Json.MAPPER.createArrayNode();
    for (RecordComponent component : type.getRecordComponents()) {
      Map<Class<?>, Annotation> annotations = annotationsOf(component);
      properties.set(component.getName(), component(component, annotations));
      if (isRequired(component, annotations)) {
        required.add(component.getName());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    path.pop();
    return schema;
  }

  private ObjectNode component(RecordComponent component, Map<Class<?>, Annotation> annotations) {
    ObjectNode schema = typed(component.getAnnotatedType());
    Constraints.apply(schema, annotations.values());
    boolean nullable =
        Constraints.isNullable(annotations.values()) || component.getType() == Optional.class;
    if (nullable && schema.has("type") && schema.get("type").isTextual()) {
      ArrayNode types = Json.MAPPER.createArrayNode().add(schema.get("type").asText()).add("null");
      schema.set("type", types);
    }
    return schema;
  }

  private static boolean isRequired(
      RecordComponent component, Map<Class<?>, Annotation> annotations) {
    Class<?> raw = component.getType();
    boolean optional = raw == Optional.class || raw.getName().startsWith("java.util.Optional");
    return !optional && !Constraints.isNullable(annotations.values());
  }

  ObjectNode typed(AnnotatedType annotated) {
    Type type = annotated.getType();
    Class<?> raw = rawClass(type);
    if (Collection.class.isAssignableFrom(raw)) {
      ObjectNode schema = Json.object().put("type", "array");
      schema.set("items", element(annotated, 0));
      if (Set.class.isAssignableFrom(raw)) {
        schema.put("uniqueItems", true);
      }
      return schema;
    }
    if (Map.class.isAssignableFrom(raw)) {
      ObjectNode schema = Json.object().put("type", "object");
      schema.set("additionalProperties", element(annotated, 1));
      return schema;
    }
    if (raw == Optional.class) {
      return element(annotated, 0);
    }
    return ScalarTypes.schemaFor(raw).orElseGet(() -> nonScalar(raw));
  }

  private ObjectNode nonScalar(Class<?> raw) {
    if (raw.isRecord()) {
      return record(raw);
    }
    if (raw.isEnum()) {
      ObjectNode schema = Json.object().put("type", "string");
      ArrayNode values = schema.putArray("enum");
      for (Object constant : raw.getEnumConstants()) {
        values.add(((Enum<?>) constant).name());
      }
      return schema;
    }
    throw new IllegalArgumentException(
        "cannot derive a JSON Schema for "
            + raw.getName()
            + " in "
            + path.peek().getName()
            + "; use a record, enum, String, number, boolean, Instant, UUID, List, Set, Map or"
            + " Optional");
  }

  private ObjectNode element(AnnotatedType annotated, int index) {
    if (!(annotated instanceof AnnotatedParameterizedType parameterized)) {
      return Json.object();
    }
    AnnotatedType argument = parameterized.getAnnotatedActualTypeArguments()[index];
    ObjectNode schema = typed(argument);
    Constraints.apply(schema, java.util.List.of(argument.getAnnotations()));
    return schema;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private static Map<Class<?>, Annotation> annotationsOf(RecordComponent component) {
    Map<Class<?>, Annotation> all = new LinkedHashMap<>();
    for (Annotation a : component.getAnnotations()) {
      all.putIfAbsent(a.annotationType(), a);
    }
    for (Annotation a : component.getAccessor().getAnnotations()) {
      all.putIfAbsent(a.annotationType(), a);
    }
    for (Annotation a : component.getAnnotatedType().getAnnotations()) {
      all.putIfAbsent(a.annotationType(), a);
    }
    return all;
  }
}
