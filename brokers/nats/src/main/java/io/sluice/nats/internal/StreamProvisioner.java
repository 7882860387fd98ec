package io.sluice.nats.internal;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.sluice.nats.InvalidNatsSettingsException;
import io.sluice.nats.StreamSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the server's streams match the declared ones at connect: creates missing streams, updates
 * compatible differences, and reports incompatible ones together, each naming the stream.
 */
final class StreamProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(StreamProvisioner.class);
  private static final int STREAM_NOT_FOUND = 10059;

  private final JetStreamManagement jsm;

  StreamProvisioner(JetStreamManagement jsm) {
    this.jsm = jsm;
  }

  void provision(List<StreamSettings> streams) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < streams.size(); i++) {
      String key = "streams[" + i + "] '" + streams.get(i).name() + "'";
      try {
        provision(streams.get(i), key, problems);
      } catch (JetStreamApiException e) {
        problems.add(key + ": JetStream refused it: " + e.getErrorDescription());
      } catch (IOException e) {
        problems.add(key + ": could not reach JetStream: " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidNatsSettingsException(problems);
    }
  }

  private void provision(StreamSettings s, String key, List<String> problems)
      throws IOException, JetStreamApiException {
    StreamInfo info = existing(s.name());
    if (info == null) {
      jsm.addStream(StreamConfigs.toConfiguration(s));
      LOG.info("created JetStream stream '{}' over {}", s.name(), s.subjects());
      return;
    }
    StreamConfiguration current = info.getConfiguration();
    List<String> incompatible = StreamConfigs.incompatibilities(current, s);
    if (!incompatible.isEmpty()) {
      incompatible.forEach(p -> problems.add(key + ": " + p));
    } else if (StreamConfigs.differs(current, s)) {
      jsm.updateStream(StreamConfigs.merged(current, s));
      LOG.info("updated JetStream stream '{}' to match the settings", s.name());
    }
  }

  private StreamInfo existing(String name) throws IOException, JetStreamApiException {
    try {
      return jsm.getStreamInfo(name);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
