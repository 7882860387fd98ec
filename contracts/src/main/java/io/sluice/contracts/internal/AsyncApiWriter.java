package io.sluice.contracts.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.contracts.AsyncApiInputs;
import io.sluice.contracts.ChannelDescription;
import io.sluice.contracts.EnvelopeMode;
import io.sluice.contracts.RegisteredSchema;
import io.sluice.contracts.SecurityScheme;
import java.util.List;
import java.util.Locale;

/** Writes the AsyncAPI 3.0 tree. */
public final class AsyncApiWriter {
  private final AsyncApiInputs inputs;
  private final ObjectNode root = Json.object();

  private AsyncApiWriter(AsyncApiInputs inputs) {
    this.inputs = inputs;
  }

  public static ObjectNode write(AsyncApiInputs inputs) {
    return new AsyncApiWriter(inputs).write();
  }

  private ObjectNode write() {
    root.put("asyncapi", "3.0.0");
    root.put("id", "urn:sluice:" + key(inputs.server().title()));
    ObjectNode info = root.putObject("info");
    info.put("title", inputs.server().title());
    info.put("version", inputs.server().version());
    info.put("description", inputs.server().description());
    root.put("defaultContentType", contentType());
    writeServer();
    ObjectNode messages = writeMessages();
    inputs.channels().forEach(channel -> writeChannel(channel, messages));
    writeSecuritySchemes();
    return root;
  }

  private String contentType() {
    return inputs.mode() == EnvelopeMode.STRUCTURED
        ? "application/cloudevents+json"
        : "application/json";
  }

  private void writeServer() {
    ObjectNode server = root.putObject("servers").putObject("gateway");
    server.put("host", inputs.server().host());
    server.put("protocol", inputs.server().tls() ? "https" : "http");
    server.put("description", "The Sluice gateway's HTTP API");
    ArrayNode security = server.putArray("security");
    inputs.security().stream()
        .sorted()
        .forEach(
            s ->
                security
                    .addObject()
                    .put("$ref", "#/components/securitySchemes/" + s.componentName()));
  }

  private ObjectNode writeMessages() {
    ObjectNode messages = Json.child(root, "components").putObject("messages");
    for (RegisteredSchema schema : inputs.schemas()) {
      messages.set(messageKey(schema), CloudEventMessages.message(schema, inputs.mode()));
    }
    return messages;
  }

  private void writeChannel(ChannelDescription description, ObjectNode messages) {
    String key = key(description.subjects().value());
    ObjectNode channel = Json.child(root, "channels").putObject(key);
    channel.put("address", description.subjects().value());
    channel.put("description", "Events on subjects matching " + description.subjects().value());
    channel.put("x-sluice-ack-mode", description.ackMode().name().toLowerCase(Locale.ROOT));
    description.stream().ifPresent(s -> channel.put("x-sluice-stream", s));
    ObjectNode channelMessages = channel.putObject("messages");
    for (RegisteredSchema schema : carried(description)) {
      channelMessages
          .putObject(messageKey(schema))
          .put("$ref", "#/components/messages/" + messageKey(schema));
    }
    if (description.publish()) {
      operation(
          "publish_" + key,
          "receive",
          key,
          channelMessages,
          "Clients publish events on " + description.subjects().value() + " through the gateway");
    }
    if (description.subscribe()) {
      operation(
          "subscribe_" + key,
          "send",
          key,
          channelMessages,
          "The gateway streams events on " + description.subjects().value() + " to subscribers");
    }
  }

  private List<RegisteredSchema> carried(ChannelDescription description) {
    return inputs.schemas().stream()
        .filter(s -> description.types().isEmpty() || description.types().contains(s.type()))
        .toList();
  }

  private void operation(
      String id, String action, String channelKey, ObjectNode channelMessages, String summary) {
    ObjectNode operation = Json.child(root, "operations").putObject(id);
    operation.put("action", action);
    operation.putObject("channel").put("$ref", "#/channels/" + channelKey);
    operation.put("summary", summary);
    ArrayNode messages = operation.putArray("messages");
    channelMessages
        .fieldNames()
        .forEachRemaining(
            name ->
                messages.addObject().put("$ref", "#/channels/" + channelKey + "/messages/" + name));
  }

  private void writeSecuritySchemes() {
    if (inputs.security().isEmpty()) {
      return;
    }
    ObjectNode schemes = Json.child(root, "components").putObject("securitySchemes");
    for (SecurityScheme scheme : inputs.security()) {
      ObjectNode node = schemes.putObject(scheme.componentName());
      switch (scheme) {
        case BEARER_JWT ->
            node.put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "A JWT from the configured issuer");
        case API_KEY ->
            node.put("type", "httpApiKey")
                .put("name", SecurityScheme.API_KEY_HEADER)
                .put("in", "header")
                .put("description", "An API key issued by the gateway");
        case MTLS -> node.put("type", "X509").put("description", "A TLS client certificate");
      }
    }
  }

  static String messageKey(RegisteredSchema schema) {
    return key(schema.type()) + "_v" + schema.version();
  }

  static String key(String text) {
    String key = text.replace(">", "all").replace("*", "any").replaceAll("[^A-Za-z0-9_-]", "_");
    return key.isEmpty() ? "root" : key;
  }
}
