package io.sluice.embedded;

import io.sluice.broker.BrokerUnavailableException;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts that own the data directory, opened and closed in order: the directory lock, the
 * MVStore file, the commit thread, the log and the timer thread (ack waits, nack delays,
 * retention).
 */
record Engine(
    DirectoryLock lock,
    Storage storage,
    GroupCommitter committer,
    EventLog log,
    ScheduledExecutorService timers) {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  static Engine start(EmbeddedSettings settings, Clock clock) {
    DirectoryLock lock = DirectoryLock.acquire(settings.directory());
    Storage storage;
    try {
      storage = Storage.open(settings.directory());
    } catch (RuntimeException e) {
      lock.close();
      throw new BrokerUnavailableException(
          "cannot open the embedded broker store in '" + settings.directory() + "': " + e, e);
    }
    var committer = new GroupCommitter(storage, settings.fsync());
    var log = new EventLog(storage, settings, clock);
    var timers = newTimers();
    timers.scheduleWithFixedDelay(() -> trim(log), 1, 1, TimeUnit.SECONDS);
    return new Engine(lock, storage, committer, log, timers);
  }

  private static ScheduledThreadPoolExecutor newTimers() {
    var timers =
        new ScheduledThreadPoolExecutor(
            1, r -> Thread.ofPlatform().daemon().name("sluice-embedded-timers").unstarted(r));
    timers.setRemoveOnCancelPolicy(true);
    timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    timers.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    return timers;
  }

  private static void trim(EventLog log) {
    try {
      log.trim();
    } catch (RuntimeException e) {
      LOG.warn("embedded broker retention run failed; it is tried again in a second", e);
    }
  }

  /**
   * Stops the timers (without interrupting: an interrupt during file I/O would close the store's
   * file), commits and syncs what is pending, closes the store and releases the lock.
   */
  void close() {
    timers.shutdown();
    try {
      timers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      committer.close();
      storage.close();
    } finally {
      lock.close();
    }
  }
}
