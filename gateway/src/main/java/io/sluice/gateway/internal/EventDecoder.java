package io.sluice.gateway.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.envelope.BinaryMode;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.JsonFormat;
import io.sluice.gateway.config.GatewayConfig;
import io.vertx.core.MultiMap;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns a request body into a CloudEvent in one of three ways: structured mode ({@code
 * application/cloudevents+json}), binary mode (a {@code ce-specversion} header; attributes in
 * {@code ce-*} headers, body is {@code data}), or any other allowed body wrapped as {@code data}.
 * Missing {@code id}, {@code time} and {@code source} are filled in. {@link #decode} hands back a
 * builder: the caller stamps it and builds it once, so a wrapped body is validated once.
 */
final class EventDecoder {
  private final GatewayConfig config;
  private final Clock clock;

  EventDecoder(GatewayConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  CloudEvent.Builder decode(MultiMap headers, byte[] body, String subject) {
    String mediaType = MediaTypes.bare(headers.get("Content-Type"));
    if (headers.contains("ce-specversion")) {
      if (!mediaType.isEmpty()) {
        MediaTypes.requireAllowed(mediaType, config.limits().allowedContentTypes());
      }
      return binary(headers, body).toBuilder();
    }
    MediaTypes.requireAllowed(mediaType, config.limits().allowedContentTypes());
    return switch (mediaType) {
      case MediaTypes.STRUCTURED -> structured(body).toBuilder();
      case MediaTypes.BATCH ->
          throw Problems.fail(
              Problems.unsupportedMediaType(
                  "a batch must be sent to POST /v1/events, not to a subject"));
      default -> wrapped(headers, body, mediaType, subject);
    };
  }

  /** One element of a batch, already parsed; fills id, time and source into it. */
  CloudEvent structured(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      throw Problems.fail(Problems.malformed("each event must be a JSON object"));
    }
    fill(object, "id", UUID.randomUUID().toString());
    fill(object, "time", clock.instant().toString());
    fill(object, "source", config.publish().source());
    return JsonFormat.decode(Json.bytes(object));
  }

  private CloudEvent structured(byte[] body) {
    return structured(parseJson(body, "the body"));
  }

  private CloudEvent binary(MultiMap headers, byte[] body) {
    Map<String, String> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(h -> attributes.putIfAbsent(h.getKey(), h.getValue()));
    attributes.putIfAbsent("ce-id", UUID.randomUUID().toString());
    attributes.putIfAbsent("ce-time", clock.instant().toString());
    attributes.putIfAbsent("ce-source", config.publish().source());
    return BinaryMode.fromHeaders(attributes, BinaryMode.HTTP_PREFIX, body);
  }

  /** Not built here: the stamped build validates it. */
  private CloudEvent.Builder wrapped(
      MultiMap headers, byte[] body, String mediaType, String subject) {
    if (MediaTypes.isJson(mediaType)) {
      requireJson(body, "the body");
    }
    String type = first(headers.get("ce-type"), headers.get("Sluice-Type"), subject);
    return CloudEvent.builder()
        .id(UUID.randomUUID().toString())
        .time(clock.instant())
        .source(config.publish().source())
        .type(type)
        .data(mediaType, body);
  }

  static JsonNode parseJson(byte[] body, String what) {
    Utf8.requireValid(body, what);
    if (body.length == 0) {
      throw Problems.fail(Problems.malformed(what + " is empty; a JSON document is required"));
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw Problems.fail(notJson(what, e));
    } catch (IOException e) {
      throw Problems.fail(Problems.malformed(what + " could not be read as JSON"));
    }
  }

  /**
   * Accepts and refuses exactly what {@link #parseJson} does, with the same problem, without
   * building the tree: a wrapped JSON payload is checked, not read.
   */
  static void requireJson(byte[] body, String what) {
    Utf8.requireValid(body, what);
    if (body.length == 0) {
      throw Problems.fail(Problems.malformed(what + " is empty; a JSON document is required"));
    }
    try (JsonParser parser = Json.MAPPER.createParser(body)) {
      if (parser.nextToken() != null) {
        parser.skipChildren();
        Json.requireEnd(parser);
      }
    } catch (JsonProcessingException e) {
      throw Problems.fail(notJson(what, e));
    } catch (IOException e) {
      throw Problems.fail(Problems.malformed(what + " could not be read as JSON"));
    }
  }

  private static Problem notJson(String what, JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return Problems.malformed(what + " is not valid JSON" + where + ": " + e.getOriginalMessage());
  }

  private static void fill(ObjectNode node, String field, String value) {
    if (!node.hasNonNull(field)) {
      node.put(field, value);
    }
  }

  private static String first(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank()) {
        return c;
      }
    }
    throw new IllegalStateException("no candidate");
  }
}
