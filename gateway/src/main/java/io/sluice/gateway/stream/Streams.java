package io.sluice.gateway.stream;

import io.sluice.broker.Broker;
import io.sluice.gateway.config.GatewayConfig;
import io.sluice.gateway.policy.Action;
import io.vertx.core.Context;

/** Starts a {@link StreamSession} for a checked request on a sink; shared by SSE and WebSocket. */
final class Streams {
  private final Broker broker;
  private final EndpointSupport support;
  private final GatewayConfig.Streaming config;
  private final StreamMetrics metrics;

  Streams(
      Broker broker,
      EndpointSupport support,
      GatewayConfig.Streaming config,
      StreamMetrics metrics) {
    this.broker = broker;
    this.support = support;
    this.config = config;
    this.metrics = metrics;
  }

  GatewayConfig.Streaming config() {
    return config;
  }

  /** Subscribes; every delivered subject is checked against the policy again. */
  StreamSession start(Context context, StreamRequest request, StreamSink sink) {
    StreamSession session =
        new StreamSession(
            context,
            sink,
            subject -> support.allows(request.identity(), Action.SUBSCRIBE, subject),
            config.bufferEvents(),
            metrics);
    session.start(broker, request.pattern(), request.start(), request.resumeFrom());
    return session;
  }
}
