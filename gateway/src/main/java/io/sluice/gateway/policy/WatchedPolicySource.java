package io.sluice.gateway.policy;

import io.sluice.gateway.identity.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A policy file polled for changes (modification time and size) on a daemon thread. A file that no
 * longer reads or compiles keeps the previous policy in force and reports why, once per change.
 */
final class WatchedPolicySource implements PolicySource {
  private static final Logger LOG = LoggerFactory.getLogger(WatchedPolicySource.class);

  private final Path file;
  private final ScheduledExecutorService poller;
  private final List<Consumer<String>> failureListeners = new CopyOnWriteArrayList<>();
  private volatile CompiledPolicy policy;
  private String lastSeen;
  private String changing;

  WatchedPolicySource(Path file, CompiledPolicy initial, Duration pollInterval) {
    this.file = file;
    this.policy = initial;
    this.lastSeen = stamp();
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sluice-policy-watch");
              t.setDaemon(true);
              return t;
            });
    long millis = pollInterval.toMillis();
    poller.scheduleWithFixedDelay(this::pollSafely, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public PolicyEngine current() {
    return policy;
  }

  @Override
  public String version() {
    return policy.version();
  }

  @Override
  public Explanation explain(Identity identity, Action action, String target) {
    return policy.explain(identity, action, target);
  }

  @Override
  public void onReloadFailure(Consumer<String> listener) {
    failureListeners.add(listener);
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }

  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.warn("checking policy file {} failed: {}", file, e.toString());
    }
  }

  /**
   * Reloads once a change has held still for one poll, so a file caught half-written by an editor
   * is not reported as broken.
   */
  private void poll() {
    String stamp = stamp();
    if (stamp.equals(lastSeen)) {
      changing = null;
      return;
    }
    if (!stamp.equals(changing)) {
      changing = stamp;
      return;
    }
    lastSeen = stamp;
    changing = null;
    reload();
  }

  private void reload() {
    List<String> problems = new ArrayList<>();
    Optional<CompiledPolicy> next = PolicyFile.load(file, problems);
    if (next.isEmpty()) {
      reportFailure(String.join("; ", problems));
      return;
    }
    if (!next.get().version().equals(policy.version())) {
      LOG.info(
          "policy reloaded from {}: version {} replaces {}",
          file,
          next.get().version(),
          policy.version());
      policy = next.get();
    }
  }

  private void reportFailure(String reason) {
    LOG.warn(
        "policy file {} was not reloaded; version {} stays in force: {}",
        file,
        policy.version(),
        reason);
    for (Consumer<String> listener : failureListeners) {
      try {
        listener.accept(reason);
      } catch (RuntimeException e) {
        LOG.warn("a policy reload failure listener threw {}", e.toString());
      }
    }
  }

  /** Modification time and size, or "missing"; a change of either triggers a reload. */
  private String stamp() {
    try {
      return Files.getLastModifiedTime(file).toMillis() + "/" + Files.size(file);
    } catch (IOException e) {
      return "missing";
    }
  }
}
