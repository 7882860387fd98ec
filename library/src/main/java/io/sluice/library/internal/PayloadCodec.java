package io.sluice.library.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.Extensions;
import io.sluice.library.EventContract;
import io.sluice.library.EventValidationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/** Payload JSON (Jackson) and contract checks (Jakarta Bean Validation). Thread-safe. */
public final class PayloadCodec {
  public static final String JSON = "application/json";

  private static final ValidatorFactory VALIDATORS = Validation.buildDefaultValidatorFactory();

  private final ObjectMapper mapper;
  private final Validator validator;

  private PayloadCodec(ObjectMapper mapper, Validator validator) {
    this.mapper = mapper;
    this.validator = validator;
  }

  public static PayloadCodec create() {
    ObjectMapper mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    return new PayloadCodec(mapper, VALIDATORS.getValidator());
  }

  /** Validates and serialises a payload. */
  public byte[] encode(Object payload, EventContract<?> contract) {
    Objects.requireNonNull(payload, "payload");
    validate(payload, contract);
    try {
      return mapper.writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot serialise "
              + payload.getClass().getName()
              + " as JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }

  /** Checks type and version, decodes the data and validates it. */
  public <T> T decode(CloudEvent event, EventContract<T> contract) {
    checkEnvelope(event, contract);
    byte[] data = event.data().orElseThrow(() -> invalid(contract, "data: is missing"));
    T payload;
    try {
      payload = mapper.readValue(data, contract.payloadType());
    } catch (IOException e) {
      throw invalid(
          contract,
          "data: is not a valid "
              + contract.payloadType().getSimpleName()
              + " ("
              + firstLine(e.getMessage())
              + ")");
    }
    if (payload == null) {
      throw invalid(contract, "data: is null");
    }
    validate(payload, contract);
    return payload;
  }

  /** Serialises any value to JSON text; for outbox rows. */
  public String toJson(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise as JSON: " + e.getOriginalMessage(), e);
    }
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  private void checkEnvelope(CloudEvent event, EventContract<?> contract) {
    if (!event.type().equals(contract.name())) {
      throw invalid(
          contract, "type: expected '" + contract.name() + "' but was '" + event.type() + "'");
    }
    String version = event.extensionAsString(Extensions.EVENT_VERSION).orElse(null);
    if (version != null && !version.equals(String.valueOf(contract.version()))) {
      throw invalid(
          contract,
          Extensions.EVENT_VERSION + ": expected " + contract.version() + " but was " + version);
    }
  }

  private void validate(Object payload, EventContract<?> contract) {
    List<String> violations =
        validator.validate(payload).stream().map(PayloadCodec::describe).sorted().toList();
    if (!violations.isEmpty()) {
      throw new EventValidationException(contract.name(), violations);
    }
  }

  private static String describe(ConstraintViolation<?> v) {
    return v.getPropertyPath() + ": " + v.getMessage();
  }

  private static EventValidationException invalid(EventContract<?> contract, String violation) {
    return new EventValidationException(contract.name(), List.of(violation));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
