package io.sluice.gateway.stream;

import io.sluice.broker.Broker;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.policy.Action;
import io.vertx.core.Context;
import java.time.Clock;
import java.time.Instant;

/** Starts a {@link StreamSession} for a checked request on a sink; shared by SSE and WebSocket. */
final class Streams {
  private final Broker broker;
  private final EndpointSupport support;
  private final GatewayConfig.Streaming config;
  private final StreamMetrics metrics;
  private final Clock clock;

  Streams(
      Broker broker,
      EndpointSupport support,
      GatewayConfig.Streaming config,
      StreamMetrics metrics,
      Clock clock) {
    this.broker = broker;
    this.support = support;
    this.config = config;
    this.metrics = metrics;
    this.clock = clock;
  }

  GatewayConfig.Streaming config() {
    return config;
  }

  /**
   * Subscribes; every delivered subject is checked against the policy again, and the stream ends
   * when the caller's credential expires.
   */
  StreamSession start(Context context, StreamRequest request, StreamSink sink) {
    StreamSession session =
        new StreamSession(
            context,
            sink,
            subject -> support.allows(request.identity(), Action.SUBSCRIBE, subject),
            config.bufferEvents(),
            metrics);
    session.start(broker, request.pattern(), request.start(), request.resumeFrom());
    closeAtExpiry(context, request, session, sink);
    return session;
  }

  private void closeAtExpiry(
      Context context, StreamRequest request, StreamSession session, StreamSink sink) {
    long expires = request.identity().expiresAtEpochSecond();
    if (expires == Long.MAX_VALUE) {
      return;
    }
    long delay = Math.max(1, Instant.ofEpochSecond(expires).toEpochMilli() - clock.millis());
    long timer =
        context
            .owner()
            .setTimer(
                delay,
                id -> {
                  session.close();
                  sink.close();
                });
    sink.onClosed(() -> context.owner().cancelTimer(timer));
  }
}
