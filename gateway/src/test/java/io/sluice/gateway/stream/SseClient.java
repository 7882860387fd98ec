package io.sluice.gateway.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A Server-Sent Events reader on {@code java.net.http}: streams the body line by line on its own
 * thread and parses messages and comments as they arrive.
 */
final class SseClient implements AutoCloseable {
  /** One SSE message. */
  record Message(String id, String event, String data) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private final HttpResponse<Stream<String>> response;
  private volatile boolean ended;

  private SseClient(HttpRequest request) {
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (response.statusCode() == 200) {
      Thread.ofVirtual().start(this::read);
    }
  }

  static SseClient open(HttpRequest.Builder request) {
    return new SseClient(request.header("Accept", "text/event-stream").GET().build());
  }

  int status() {
    return response.statusCode();
  }

  String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  /** The problem body of a refused stream. */
  String body() {
    return String.join("\n", response.body().toList());
  }

  List<Message> messages() {
    return messages;
  }

  List<Message> events(String type) {
    return messages.stream().filter(m -> m.event().equals(type)).toList();
  }

  List<String> comments() {
    return comments;
  }

  boolean ended() {
    return ended;
  }

  private void read() {
    List<String> fields = new ArrayList<>();
    try {
      response.body().forEach(line -> accept(line, fields));
    } catch (UncheckedIOException e) {
      // the stream was closed
    }
    ended = true;
  }

  private void accept(String line, List<String> fields) {
    if (line.startsWith(":")) {
      comments.add(line.substring(1).trim());
    } else if (line.isEmpty()) {
      if (!fields.isEmpty()) {
        messages.add(parse(fields));
        fields.clear();
      }
    } else {
      fields.add(line);
    }
  }

  private static Message parse(List<String> fields) {
    String id = null;
    String event = "message";
    StringBuilder data = new StringBuilder();
    for (String f : fields) {
      int colon = f.indexOf(':');
      String name = f.substring(0, colon);
      String value = f.substring(colon + 1).stripLeading();
      switch (name) {
        case "id" -> id = value;
        case "event" -> event = value;
        case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
        default -> {}
      }
    }
    return new Message(id, event, data.toString());
  }

  @Override
  public void close() {
    if (response.statusCode() == 200) {
      response.body().close();
    }
    http.shutdownNow();
  }
}
