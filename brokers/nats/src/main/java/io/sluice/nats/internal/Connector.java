package io.sluice.nats.internal;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.sluice.broker.BrokerSpec;
import io.sluice.broker.BrokerUnavailableException;
import io.sluice.nats.NatsSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Opens the jnats connection: server address without credentials, credentials from the URL's user
 * information (user:password or a token), reconnect settings and the state listener.
 */
final class Connector {
  private static final int DEFAULT_PORT = 4222;

  private Connector() {}

  static Connection open(BrokerSpec spec, NatsSettings settings, ConnectionStateTracker tracker) {
    Options options = options(spec, settings, tracker);
    try {
      return Nats.connect(options);
    } catch (IOException e) {
      throw new BrokerUnavailableException(
          "cannot connect to NATS at " + spec.redactedUrl() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerUnavailableException(
          "interrupted while connecting to NATS at " + spec.redactedUrl(), e);
    }
  }

  static Options options(BrokerSpec spec, NatsSettings settings, ConnectionStateTracker tracker) {
    URI url = spec.url();
    Options.Builder b =
        Options.builder()
            .server(serverAddress(url))
            .reconnectWait(settings.reconnectWait())
            .maxReconnects(settings.maxReconnects())
            .reconnectBufferSize(settings.reconnectBufferSize())
            .connectionTimeout(settings.connectionTimeout())
            .reportNoResponders()
            .connectionListener(tracker)
            .errorListener(new ErrorLogger(spec.redactedUrl()));
    credentials(url, b);
    return b.build();
  }

  /** {@code nats://host:port} without user information, query or path. */
  static String serverAddress(URI url) {
    if (url.getHost() == null) {
      throw new IllegalArgumentException(
          "NATS url must be nats://[user:password@]host[:port] but was " + redacted(url));
    }
    int port = url.getPort() == -1 ? DEFAULT_PORT : url.getPort();
    return "nats://" + url.getHost() + ":" + port;
  }

  private static void credentials(URI url, Options.Builder b) {
    String userInfo = url.getRawUserInfo();
    if (userInfo == null || userInfo.isEmpty()) {
      return;
    }
    int colon = userInfo.indexOf(':');
    if (colon < 0) {
      b.token(decode(userInfo).toCharArray());
    } else {
      b.userInfo(
          decode(userInfo.substring(0, colon)).toCharArray(),
          decode(userInfo.substring(colon + 1)).toCharArray());
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String redacted(URI url) {
    return BrokerSpec.of(url.toString()).redactedUrl();
  }
}
