package io.sluice.gateway.stream;

import io.sluice.envelope.CloudEvent;
import io.vertx.core.Future;

/** One client connection an event stream writes to (an SSE response or a WebSocket). */
interface StreamSink {

  /** "sse" or "websocket", for metrics. */
  String transport();

  /** True when the client can take another event now (socket not full, credit left). */
  boolean ready();

  /** Calls {@code action} (on the connection's context) whenever the sink may have become ready. */
  void onReady(Runnable action);

  /** Adds an action to run once when the connection closes, whoever closed it. */
  void onClosed(Runnable action);

  /** Writes one event; completes once it is handed to the socket. */
  Future<Void> send(String id, CloudEvent event);

  /** Tells the client it fell behind and where to resume, then closes the connection. */
  void overflow(String resumeId);

  /** Closes the connection (server shutdown, broker failure). */
  void close();
}
