package io.sluice.nats;

import io.sluice.nats.internal.SettingsReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Connection and JetStream settings of a NATS broker, read from {@code BrokerSpec.settings()}.
 *
 * @param reconnectWait pause between reconnect attempts
 * @param maxReconnects reconnect attempts before giving up; -1 for forever
 * @param reconnectBufferSize bytes of outgoing messages buffered while reconnecting
 * @param connectionTimeout time allowed for one connection attempt
 * @param requestTimeout time a durable publish or a JetStream API call waits for the server
 * @param streams streams created or checked at connect
 */
public record NatsSettings(
    Duration reconnectWait,
    int maxReconnects,
    long reconnectBufferSize,
    Duration connectionTimeout,
    Duration requestTimeout,
    List<StreamSettings> streams) {

  public static final Duration DEFAULT_RECONNECT_WAIT = Duration.ofSeconds(2);
  public static final int DEFAULT_MAX_RECONNECTS = -1;
  public static final long DEFAULT_RECONNECT_BUFFER_SIZE = 8L * 1024 * 1024;
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  public NatsSettings {
    Objects.requireNonNull(reconnectWait, "reconnectWait");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    streams = List.copyOf(streams);
    requirePositive("reconnectWait", reconnectWait);
    requirePositive("connectionTimeout", connectionTimeout);
    requirePositive("requestTimeout", requestTimeout);
    if (maxReconnects < -1) {
      throw new IllegalArgumentException("maxReconnects must be >= -1 but was " + maxReconnects);
    }
    if (reconnectBufferSize < 0) {
      throw new IllegalArgumentException(
          "reconnectBufferSize must be >= 0 but was " + reconnectBufferSize);
    }
  }

  /** Defaults: reconnect forever every 2 s with an 8 MiB buffer, no streams. */
  public static NatsSettings defaults() {
    return new NatsSettings(
        DEFAULT_RECONNECT_WAIT,
        DEFAULT_MAX_RECONNECTS,
        DEFAULT_RECONNECT_BUFFER_SIZE,
        DEFAULT_CONNECTION_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        List.of());
  }

  /**
   * Reads settings as nested maps from YAML; throws {@link InvalidNatsSettingsException} listing
   * every problem with its key.
   */
  public static NatsSettings parse(Map<String, Object> settings) {
    return SettingsReader.read(settings);
  }

  public NatsSettings withStreams(List<StreamSettings> streams) {
    return new NatsSettings(
        reconnectWait,
        maxReconnects,
        reconnectBufferSize,
        connectionTimeout,
        requestTimeout,
        streams);
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0 but was " + value);
    }
  }
}
