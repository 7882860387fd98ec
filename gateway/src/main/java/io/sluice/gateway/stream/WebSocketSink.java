package io.sluice.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.envelope.CloudEvent;
import io.sluice.envelope.JsonFormat;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket speaking {@code cloudevents.json}: one structured CloudEvent per text frame, sent
 * only against credit the client grants with {@code {"credit": n}}. Each frame carries the resume
 * id as the {@code resumeid} extension attribute.
 */
final class WebSocketSink implements StreamSink {
  static final String RESUME_ID = "resumeid";
  static final short POLICY_VIOLATION = 1008;
  static final short TRY_AGAIN_LATER = 1013;

  private final ServerWebSocket socket;
  private long credit;
  private Runnable onReady = () -> {};
  private final List<Runnable> onClosed = new ArrayList<>();

  WebSocketSink(ServerWebSocket socket) {
    this.socket = socket;
    socket.textMessageHandler(this::onMessage);
    socket.closeHandler(v -> onClosed.forEach(Runnable::run));
  }

  @Override
  public String transport() {
    return "websocket";
  }

  @Override
  public boolean ready() {
    return credit > 0 && !socket.isClosed() && !socket.writeQueueFull();
  }

  @Override
  public void onReady(Runnable action) {
    this.onReady = action;
    socket.drainHandler(v -> action.run());
  }

  @Override
  public void onClosed(Runnable action) {
    onClosed.add(action);
  }

  @Override
  public Future<Void> send(String id, CloudEvent event) {
    credit--;
    CloudEvent framed = event.toBuilder().extension(RESUME_ID, id).build();
    return socket.writeTextMessage(new String(JsonFormat.encode(framed), StandardCharsets.UTF_8));
  }

  @Override
  public void overflow(String resumeId) {
    socket.writeTextMessage(StreamJson.overflow(resumeId));
    socket.close(TRY_AGAIN_LATER, "overflow; resume with lastEventId=" + resumeId);
  }

  @Override
  public void close() {
    socket.close();
  }

  private void onMessage(String text) {
    JsonNode message = StreamJson.readOrNull(text);
    JsonNode n = message == null ? null : message.get("credit");
    if (n == null || !n.canConvertToLong() || n.asLong() < 1) {
      socket.close(POLICY_VIOLATION, "expected {\"credit\": n} with n >= 1");
      return;
    }
    credit = Math.min(Long.MAX_VALUE / 2, credit + n.asLong());
    onReady.run();
  }
}
