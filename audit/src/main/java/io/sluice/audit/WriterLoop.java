package io.sluice.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer thread: takes batches from the queue and stores them, or, when the store is
 * unreachable, spools them ({@code spool}) or holds them and retries ({@code refuse}). In spool
 * mode everything goes through the spool while it holds data, so the store receives entries in the
 * order {@code append} accepted them.
 */
final class WriterLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(WriterLoop.class);
  private static final long IDLE_WAIT_MS = 50;

  private final AuditConfig config;
  private final ChainWriter writer;
  private final Spool spool;
  private final BlockingQueue<SpoolItem> queue;
  private final Object appendLock;
  private final Counters counters;
  private final InstantSource clock;
  private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  private final List<SpoolItem> pending = new ArrayList<>();
  private final FailureLog stepFailures = new FailureLog(LOG);

  /**
   * Per spool segment this writer started, how many entries it knows are committed. The mark stored
   * with the head can be ahead when a commit's acknowledgement was lost; those entries count as
   * written. Entries an earlier process replayed do not.
   */
  private final Map<String, Long> acknowledged = new HashMap<>();

  private volatile boolean closing;
  private volatile boolean spoolWritable = true;
  private long nextAttemptNanos;
  private Instant nextRetention;

  WriterLoop(
      AuditConfig config,
      ChainWriter writer,
      Spool spool,
      BlockingQueue<SpoolItem> queue,
      Object appendLock,
      Counters counters,
      InstantSource clock) {
    this.config = config;
    this.writer = writer;
    this.spool = spool;
    this.queue = queue;
    this.appendLock = appendLock;
    this.counters = counters;
    this.clock = clock;
    this.nextRetention = clock.instant();
  }

  @Override
  public void run() {
    try {
      while (!finished()) {
        guardedStep();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      giveUpOnPending();
    }
  }

  void close() {
    closing = true;
  }

  boolean spoolWritable() {
    return spoolWritable;
  }

  /** Runs work on the writer thread between batches (retention) and returns its result. */
  <T> CompletableFuture<T> submit(Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    tasks.add(
        () -> {
          try {
            result.complete(work.get());
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  /** A bug or an unexpected failure must not end the writer: log it, pause, and go on. */
  private void guardedStep() throws InterruptedException {
    try {
      step();
    } catch (RuntimeException e) {
      stepFailures.failed("audit writer step failed; retrying in " + config.retryInterval(), e);
      nextAttemptNanos = System.nanoTime() + config.retryInterval().toNanos();
      Runnable task = tasks.poll(config.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
      if (task != null) {
        task.run();
      }
    }
  }

  private void step() throws InterruptedException {
    runTasks();
    scheduledRetention();
    takeBatch();
    if (spool != null) {
      spoolStep();
    } else {
      refuseStep();
    }
  }

  private void takeBatch() throws InterruptedException {
    if (!pending.isEmpty()) {
      Runnable task = tasks.poll(waitMillis(), TimeUnit.MILLISECONDS);
      if (task != null) {
        task.run();
      }
      return;
    }
    SpoolItem first = queue.poll(IDLE_WAIT_MS, TimeUnit.MILLISECONDS);
    if (first != null) {
      synchronized (appendLock) {
        // with appends held off, the batch is the oldest accepted entries: an overflowing caller
        // cannot spool entries older than some of the batch and newer than others
        pending.add(first);
        queue.drainTo(pending, config.batchSize() - 1);
      }
    }
  }

  private long waitMillis() {
    if (retryDue()) {
      return 0;
    }
    long nanos = nextAttemptNanos - System.nanoTime();
    return Math.min(IDLE_WAIT_MS, Math.max(0, TimeUnit.NANOSECONDS.toMillis(nanos)));
  }

  private void refuseStep() {
    if (!writer.reachable() && retryDue() && pending.isEmpty()) {
      attempted(writer.connect());
    }
    if (pending.isEmpty() || !retryDue()) {
      return;
    }
    if (attempted(writer.write(pending, null))) {
      pending.clear();
    }
  }

  private void spoolStep() {
    if (spool.hasData()) {
      spoolPending();
      if (retryDue()) {
        attempted(replay());
      }
      return;
    }
    if (pending.isEmpty()) {
      if (!writer.reachable() && retryDue()) {
        attempted(writer.connect());
      }
      return;
    }
    if (writer.reachable() && writer.write(pending, null)) {
      pending.clear();
      return;
    }
    nextAttemptNanos = System.nanoTime() + config.retryInterval().toNanos();
    spoolPending();
  }

  private void spoolPending() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      spool.append(pending);
      counters.spooled.addAndGet(pending.size());
      pending.clear();
      spoolWritable = true;
    } catch (IOException e) {
      spoolWritable = false;
      LOG.error("cannot write the audit spool; holding {} entries in memory", pending.size(), e);
    }
  }

  /** Replays the oldest spool segment; false when the store failed part way. */
  private boolean replay() {
    Optional<Path> segment;
    try {
      synchronized (appendLock) {
        List<SpoolItem> queued = new ArrayList<>();
        queue.drainTo(queued);
        spool.append(queued);
        counters.spooled.addAndGet(queued.size());
        segment = spool.nextSegment();
      }
    } catch (IOException e) {
      LOG.error("cannot seal the audit spool", e);
      return false;
    }
    return segment.isEmpty() || (writer.connect() && replay(segment.get()));
  }

  private boolean replay(Path segment) {
    String name = segment.getFileName().toString();
    long done = replayedBefore(name);
    Long seen = acknowledged.put(name, done);
    if (seen != null) {
      counters.written.addAndGet(Math.max(0, done - seen));
    }
    try (SpoolReader reader = new SpoolReader(segment)) {
      for (long i = 0; i < done; i++) {
        reader.next();
      }
      List<SpoolItem> batch = new ArrayList<>();
      for (SpoolItem item = reader.next(); item != null; item = reader.next()) {
        batch.add(item);
        if (batch.size() == config.batchSize()) {
          done += batch.size();
          if (!replayBatch(batch, name, done)) {
            return false;
          }
        }
      }
      if (!batch.isEmpty() && !replayBatch(batch, name, done + batch.size())) {
        return false;
      }
      counters.failed.addAndGet(reader.unreadable());
    } catch (IOException e) {
      LOG.error("cannot read audit spool segment {}", name, e);
      return false;
    }
    deleteSegment(segment);
    return true;
  }

  /** How many entries of this segment the store already holds, from the mark kept with the head. */
  private long replayedBefore(String segment) {
    String prefix = segment + "#";
    return writer
        .spoolMark()
        .filter(m -> m.startsWith(prefix) && m.substring(prefix.length()).matches("\\d{1,18}"))
        .map(m -> Long.parseLong(m.substring(prefix.length())))
        .orElse(0L);
  }

  private boolean replayBatch(List<SpoolItem> batch, String segment, long doneAfter) {
    if (!writer.write(batch, segment + "#" + doneAfter)) {
      return false;
    }
    acknowledged.put(segment, doneAfter);
    spool.replayed(batch.size());
    batch.clear();
    return true;
  }

  private void deleteSegment(Path segment) {
    try {
      spool.delete(segment);
    } catch (IOException e) {
      LOG.error("cannot delete replayed audit spool segment {}", segment, e);
    }
  }

  private boolean attempted(boolean ok) {
    if (!ok) {
      nextAttemptNanos = System.nanoTime() + config.retryInterval().toNanos();
    }
    return ok;
  }

  private boolean retryDue() {
    return writer.reachable() || closing || System.nanoTime() - nextAttemptNanos >= 0;
  }

  private void runTasks() {
    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
      task.run();
    }
  }

  private void scheduledRetention() {
    if (config.retention().isEmpty() || clock.instant().isBefore(nextRetention)) {
      return;
    }
    nextRetention = clock.instant().plus(Duration.ofHours(1));
    try {
      Instant now = clock.instant();
      writer.retain(now.minus(config.retention().get()), now);
    } catch (AuditStoreException e) {
      LOG.warn("scheduled audit retention failed; trying again in an hour: {}", e.getMessage());
    }
  }

  private boolean finished() {
    if (!closing || !tasks.isEmpty()) {
      return false;
    }
    boolean drained = queue.isEmpty() && pending.isEmpty();
    if (spool != null) {
      return drained && (!spool.hasData() || !writer.reachable());
    }
    return drained || !writer.reachable();
  }

  private void giveUpOnPending() {
    queue.drainTo(pending);
    if (pending.isEmpty()) {
      return;
    }
    if (spool != null) {
      spoolPending();
    } else if (writer.write(pending, null)) {
      pending.clear();
    }
    if (!pending.isEmpty()) {
      counters.failed.addAndGet(pending.size());
      LOG.error(
          "audit log closed with {} accepted entries that could not be stored or spooled"
              + " (chain {}, first at {})",
          pending.size(),
          config.chain(),
          pending.get(0).entry().time());
    }
  }
}
