package io.sluice.nats.internal;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamInfo;
import io.sluice.nats.StreamSettings;
import io.sluice.subject.Subject;
import io.sluice.subject.SubjectPattern;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows which stream, if any, stores a subject or contains a whole subscription pattern: the
 * declared streams first, then the streams the server holds. Subscribing asks the server; the
 * publish path only reads a snapshot of the server's streams, refreshed in the background, so it
 * never blocks on a lookup. Each snapshot remembers its answer per subject, so a subject published
 * to again costs one map lookup.
 */
final class StreamLocator {
  private static final Logger LOG = LoggerFactory.getLogger(StreamLocator.class);
  private static final long SNAPSHOT_NANOS = 30_000_000_000L;
  private static final int MAX_REMEMBERED_SUBJECTS = 10_000;

  private final JetStreamManagement jsm;
  private final List<StreamSettings> declared;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile Snapshot snapshot = new Snapshot(List.of(), Long.MIN_VALUE / 2);

  StreamLocator(JetStreamManagement jsm, List<StreamSettings> declared) {
    this.jsm = jsm;
    this.declared = List.copyOf(declared);
    refresh();
  }

  /** True when a declared stream, or one the server held at the last look, stores the subject. */
  boolean covers(Subject subject) {
    Snapshot current = snapshot;
    if (System.nanoTime() - current.takenAt() > SNAPSHOT_NANOS
        && refreshing.compareAndSet(false, true)) {
      Thread.ofVirtual().name("sluice-nats-streams").start(this::refresh);
    }
    Boolean known = current.covered().get(subject.value());
    return known != null ? known : remember(current, subject.value());
  }

  private boolean remember(Snapshot current, String subject) {
    boolean covered =
        inDeclared(subject).isPresent()
            || current.streams().stream().anyMatch(s -> coversAny(s.subjects(), subject));
    if (current.covered().size() >= MAX_REMEMBERED_SUBJECTS) {
      current.covered().clear();
    }
    current.covered().put(subject, covered);
    return covered;
  }

  /** The stream whose subjects contain the whole pattern, asking the server when not declared. */
  Optional<String> streamFor(SubjectPattern pattern) {
    Optional<String> declaredStream = inDeclared(pattern.value());
    return declaredStream.isPresent() ? declaredStream : onServer(pattern);
  }

  private Optional<String> inDeclared(String pattern) {
    return declared.stream()
        .filter(s -> coversAny(s.subjects(), pattern))
        .map(StreamSettings::name)
        .findFirst();
  }

  private Optional<String> onServer(SubjectPattern pattern) {
    try {
      for (String name : jsm.getStreamNames(pattern.value())) {
        List<String> subjects = jsm.getStreamInfo(name).getConfiguration().getSubjects();
        if (coversAny(subjects, pattern.value())) {
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

  private void refresh() {
    try {
      List<ServerStream> streams = new ArrayList<>();
      for (StreamInfo info : jsm.getStreams()) {
        streams.add(new ServerStream(info.getConfiguration().getSubjects()));
      }
      snapshot = new Snapshot(List.copyOf(streams), System.nanoTime());
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      LOG.debug("could not list JetStream streams; keeping the previous list", e);
    } finally {
      refreshing.set(false);
    }
  }

  private static boolean coversAny(List<String> filters, String pattern) {
    return filters != null && filters.stream().anyMatch(f -> SubjectCoverage.covers(f, pattern));
  }

  private record ServerStream(List<String> subjects) {}

  /** The server's streams at one moment, and which subjects they were found to cover. */
  private record Snapshot(List<ServerStream> streams, long takenAt, Map<String, Boolean> covered) {
    Snapshot(List<ServerStream> streams, long takenAt) {
      this(streams, takenAt, new ConcurrentHashMap<>());
    }
  }
}
