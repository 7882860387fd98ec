package io.sluice.embedded;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The MVStore file and the rule that keeps its commits consistent: every change to the maps runs
 * inside {@link #change}, and {@link #commit()} takes the exclusive side of the same lock, so a
 * commit captures all maps at one instant (an ack is never persisted without the event it acks).
 * The sync that follows runs outside the lock, so writers go on while the disk catches up.
 */
final class Storage implements AutoCloseable {
  static final String FILE_NAME = "sluice.mv.db";

  /**
   * How long space no longer referenced stays untouched before new chunks may overwrite it.
   * MVStore's 45 s default guards against disks that have not flushed yet; here every commit is
   * synced before the next one starts, so a short time is safe, and it keeps the file near the size
   * of the retained data instead of growing with the write rate.
   */
  private static final int FREED_CHUNK_RETENTION_MILLIS = 2000;

  private final MVStore store;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private Storage(MVStore store) {
    this.store = store;
  }

  static Storage open(Path directory) {
    MVStore store =
        new MVStore.Builder()
            .fileName(directory.resolve(FILE_NAME).toString())
            .autoCommitDisabled()
            .open();
    store.setRetentionTime(FREED_CHUNK_RETENTION_MILLIS);
    return new Storage(store);
  }

  <K, V> MVMap<K, V> map(String name) {
    return store.openMap(name);
  }

  boolean hasMap(String name) {
    return store.hasMap(name);
  }

  void removeMap(String name) {
    change(() -> store.removeMap(name));
  }

  /** Runs a change to the maps; changes run concurrently with each other, never with a commit. */
  <T> T change(Supplier<T> change) {
    lock.readLock().lock();
    try {
      return change.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  void change(Runnable change) {
    change(
        () -> {
          change.run();
          return null;
        });
  }

  /** Writes a new version holding every change made so far (not yet forced to disk). */
  void commit() {
    lock.writeLock().lock();
    try {
      store.commit();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Forces everything written so far to the disk. */
  void sync() {
    store.sync();
  }

  boolean hasUnsavedChanges() {
    return store.hasUnsavedChanges();
  }

  /** Commits, compacts a little and closes the file. */
  @Override
  public void close() {
    if (!store.isClosed()) {
      commit();
      store.sync();
      store.close();
    }
  }
}
