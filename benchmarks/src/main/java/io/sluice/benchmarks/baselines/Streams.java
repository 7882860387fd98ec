package io.sluice.benchmarks.baselines;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.util.Locale;

/** Declares the file stream a baseline publishes to, as the gateway's configuration does. */
final class Streams {
  private Streams() {}

  /** A file stream named after the subject's first token, over {@code <first token>.>}. */
  static void ensureFileStream(Connection nats, String subject)
      throws IOException, JetStreamApiException {
    String prefix = subject.substring(0, subject.indexOf('.'));
    nats.jetStreamManagement()
        .addStream(
            StreamConfiguration.builder()
                .name(prefix.toUpperCase(Locale.ROOT))
                .subjects(prefix + ".>")
                .storageType(StorageType.File)
                .build());
  }
}
