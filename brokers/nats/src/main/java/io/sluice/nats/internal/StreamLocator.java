package io.sluice.nats.internal;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.sluice.nats.StreamSettings;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the stream whose subjects contain a whole subscription pattern: first among the declared
 * streams, then among the streams the server holds.
 */
final class StreamLocator {
  private static final long CACHE_NANOS = 30_000_000_000L;
  private static final int MAX_CACHED = 10_000;

  private final JetStreamManagement jsm;
  private final List<StreamSettings> declared;
  private final Map<String, Cached> coverage = new ConcurrentHashMap<>();

  StreamLocator(JetStreamManagement jsm, List<StreamSettings> declared) {
    this.jsm = jsm;
    this.declared = List.copyOf(declared);
  }

  /** True when a stream stores this subject; server answers are remembered for a while. */
  boolean covers(Subject subject) {
    long now = System.nanoTime();
    Cached cached = coverage.get(subject.value());
    if (cached != null && now - cached.at() < CACHE_NANOS) {
      return cached.covered();
    }
    if (coverage.size() > MAX_CACHED) {
      coverage.clear();
    }
    boolean covered = streamFor(SubjectPattern.of(subject.value())).isPresent();
    coverage.put(subject.value(), new Cached(covered, now));
    return covered;
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

  private record Cached(boolean covered, long at) {}
}
