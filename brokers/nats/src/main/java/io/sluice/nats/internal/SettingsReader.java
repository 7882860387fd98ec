package io.sluice.nats.internal;

import io.sluice.nats.InvalidNatsSettingsException;
import io.sluice.nats.NatsSettings;
import io.sluice.nats.StreamSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@link NatsSettings} from nested maps (as parsed from YAML), collecting every problem with
 * the key that has it before reporting them together.
 */
public final class SettingsReader {
  private static final Set<String> KEYS =
      Set.of(
          "reconnectWait",
          "maxReconnects",
          "reconnectBufferSize",
          "connectionTimeout",
          "requestTimeout",
          "streams");

  private SettingsReader() {}

  /** Parses settings or throws {@link InvalidNatsSettingsException} naming every bad key. */
  public static NatsSettings read(Map<String, Object> settings) {
    SettingsValues values = new SettingsValues(settings, "", new ArrayList<>());
    values.rejectUnknown(KEYS);
    Duration reconnectWait =
        values.duration("reconnectWait", NatsSettings.DEFAULT_RECONNECT_WAIT, false);
    int maxReconnects =
        (int) values.number("maxReconnects", NatsSettings.DEFAULT_MAX_RECONNECTS, -1);
    long bufferSize =
        values.number("reconnectBufferSize", NatsSettings.DEFAULT_RECONNECT_BUFFER_SIZE, 0);
    Duration connectTimeout =
        values.duration("connectionTimeout", NatsSettings.DEFAULT_CONNECTION_TIMEOUT, false);
    Duration requestTimeout =
        values.duration("requestTimeout", NatsSettings.DEFAULT_REQUEST_TIMEOUT, false);
    List<StreamSettings> streams = StreamSettingsReader.readAll(values);
    values.throwIfProblems();
    return new NatsSettings(
        reconnectWait, maxReconnects, bufferSize, connectTimeout, requestTimeout, streams);
  }

  static void fail(List<String> problems) {
    throw new InvalidNatsSettingsException(problems);
  }
}
