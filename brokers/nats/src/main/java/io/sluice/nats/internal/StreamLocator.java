package io.sluice.nats.internal;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.sluice.nats.StreamSettings;
import io.sluice.subject.SubjectPattern;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Finds the stream whose subjects contain a whole subscription pattern: first among the declared
 * streams, then among the streams the server holds.
 */
final class StreamLocator {
  private final JetStreamManagement jsm;
  private final List<StreamSettings> declared;

  StreamLocator(JetStreamManagement jsm, List<StreamSettings> declared) {
    this.jsm = jsm;
    this.declared = List.copyOf(declared);
  }

  Optional<String> streamFor(SubjectPattern pattern) {
    for (StreamSettings s : declared) {
      if (s.subjects().stream().anyMatch(f -> SubjectCoverage.covers(f, pattern.value()))) {
        return Optional.of(s.name());
      }
    }
    return onServer(pattern);
  }

  private Optional<String> onServer(SubjectPattern pattern) {
    try {
      for (String name : jsm.getStreamNames(pattern.value())) {
        List<String> subjects = jsm.getStreamInfo(name).getConfiguration().getSubjects();
        if (subjects.stream().anyMatch(f -> SubjectCoverage.covers(f, pattern.value()))) {
          return Optional.of(name);
        }
      }
      return Optional.empty();
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      if (Failures.isNoResponders(e)) {
        return Optional.empty();
      }
      throw Failures.of("look up the JetStream stream for '" + pattern + "'", e);
    }
  }
}
