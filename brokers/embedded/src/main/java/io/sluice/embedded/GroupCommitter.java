package io.sluice.embedded;

import io.sluice.broker.BrokerClosedException;
import io.sluice.broker.BrokerUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes changes durable: a caller changes the maps, then asks {@link #durable()} for a stage that
 * completes once a commit taken after that request has been written and synced. With {@link
 * FsyncPolicy#BATCH} every request waiting when a commit starts shares it (group commit); with
 * {@link FsyncPolicy#ALWAYS} each request gets a commit and sync of its own. Changes nobody waits
 * for (fire-and-forget publishes, delivery counts) are committed at least once a second.
 */
final class GroupCommitter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
  private static final long IDLE_COMMIT_MILLIS = 1000;

  private final Storage storage;
  private final FsyncPolicy policy;
  private final LinkedBlockingQueue<CompletableFuture<Void>> waiting = new LinkedBlockingQueue<>();
  private final CompletableFuture<Void> stop = new CompletableFuture<>();
  private final AtomicLong commits = new AtomicLong();
  private final Thread thread;
  private boolean running = true;

  GroupCommitter(Storage storage, FsyncPolicy policy) {
    this.storage = storage;
    this.policy = policy;
    this.thread = Thread.ofPlatform().daemon().name("sluice-embedded-commit").start(this::run);
  }

  /** A stage that completes once every change made before this call is on disk. */
  synchronized CompletableFuture<Void> durable() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!running) {
      done.completeExceptionally(new BrokerClosedException("embedded broker is closed"));
      return done;
    }
    waiting.add(done);
    return done;
  }

  // Never interrupted: an interrupt during file I/O would close MVStore's file channel.
  private void run() {
    List<CompletableFuture<Void>> batch = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      batch.clear();
      CompletableFuture<Void> first = next();
      if (first != null) {
        batch.add(first);
        if (policy == FsyncPolicy.BATCH) {
          waiting.drainTo(batch);
        }
      }
      stopping = batch.remove(stop);
      commit(batch);
    }
  }

  private CompletableFuture<Void> next() {
    try {
      return waiting.poll(IDLE_COMMIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      return stop;
    }
  }

  private void commit(List<CompletableFuture<Void>> batch) {
    if (batch.isEmpty() && !storage.hasUnsavedChanges()) {
      return;
    }
    try {
      storage.commit();
      storage.sync();
      commits.incrementAndGet();
      batch.forEach(f -> f.complete(null));
    } catch (RuntimeException e) {
      LOG.error("embedded broker could not persist {} pending writes", batch.size(), e);
      var failure = new BrokerUnavailableException("embedded broker could not persist: " + e, e);
      batch.forEach(f -> f.completeExceptionally(failure));
    }
  }

  /** Commits (each followed by a sync) made since the broker opened. */
  long commits() {
    return commits.get();
  }

  /**
   * Stops the commit thread, then commits and syncs once more so every waiting request completes
   * durably; requests made after this fail with {@link BrokerClosedException}.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      waiting.add(stop);
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<CompletableFuture<Void>> rest = new ArrayList<>();
    waiting.drainTo(rest);
    commit(rest);
  }
}
