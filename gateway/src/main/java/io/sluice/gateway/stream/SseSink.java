package io.sluice.gateway.stream;

import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.JsonFormat;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-Sent Events over a chunked response: {@code id:} the resume id, {@code event:} the
 * CloudEvent type, {@code data:} the structured CloudEvent; a comment line every heartbeat keeps
 * proxies from closing an idle stream.
 */
final class SseSink implements StreamSink {
  static final String OVERFLOW_EVENT = "sluice.overflow";

  private final Vertx vertx;
  private final HttpServerResponse response;
  private final long heartbeatTimer;
  private final List<Runnable> onClosed = new ArrayList<>();

  private SseSink(Vertx vertx, HttpServerResponse response, Duration heartbeat) {
    this.vertx = vertx;
    this.response = response;
    this.heartbeatTimer = vertx.setPeriodic(heartbeat.toMillis(), id -> heartbeat());
    response.closeHandler(
        v -> {
          vertx.cancelTimer(heartbeatTimer);
          onClosed.forEach(Runnable::run);
        });
  }

  /** Prepares the 200 and the stream headers, and starts the heartbeat; nothing is sent yet. */
  static SseSink open(Vertx vertx, HttpServerResponse response, Duration heartbeat) {
    response
        .setStatusCode(200)
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    return new SseSink(vertx, response, heartbeat);
  }

  /** Sends the headers and an opening comment, so the client sees the stream has started. */
  void begin() {
    response.write(": stream open\n\n");
  }

  @Override
  public String transport() {
    return "sse";
  }

  @Override
  public boolean ready() {
    return !response.closed() && !response.writeQueueFull();
  }

  @Override
  public void onReady(Runnable action) {
    response.drainHandler(v -> action.run());
  }

  @Override
  public void onClosed(Runnable action) {
    onClosed.add(action);
  }

  @Override
  public Future<Void> send(String id, CloudEvent event) {
    String json = new String(JsonFormat.encode(event), StandardCharsets.UTF_8);
    return response.write(message(id, event.type(), json));
  }

  @Override
  public void overflow(String resumeId) {
    response.write(message(resumeId, OVERFLOW_EVENT, StreamJson.overflow(resumeId)));
    close();
  }

  @Override
  public void close() {
    vertx.cancelTimer(heartbeatTimer);
    if (!response.ended() && !response.closed()) {
      response.end();
    }
  }

  void cancelHeartbeat() {
    vertx.cancelTimer(heartbeatTimer);
  }

  private void heartbeat() {
    if (ready()) {
      response.write(": heartbeat\n\n");
    }
  }

  static String message(String id, String type, String data) {
    StringBuilder sb = new StringBuilder();
    sb.append("id: ").append(singleLine(id)).append('\n');
    sb.append("event: ").append(singleLine(type)).append('\n');
    for (String line : data.split("\r\n|\r|\n", -1)) {
      sb.append("data: ").append(line).append('\n');
    }
    return sb.append('\n').toString();
  }

  private static String singleLine(String value) {
    return value.replaceAll("[\r\n]", " ");
  }
}
