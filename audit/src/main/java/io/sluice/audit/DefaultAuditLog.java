package io.sluice.audit;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link AuditLog}: accepts on the caller's thread, writes on its own. */
final class DefaultAuditLog implements AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultAuditLog.class);

  private static final Duration HOLD_WAIT = Duration.ofSeconds(5);

  private final AuditConfig config;
  private final InstantSource clock;
  private final Store store;
  private final Spool spool;
  private final BlockingQueue<SpoolItem> queue;
  private final Object appendLock = new Object();
  private final Counters counters = new Counters();
  private final ChainWriter writer;
  private final WriterLoop loop;
  private final Thread thread;
  private final String run = UUID.randomUUID().toString().substring(0, 13);
  private final Set<Held> holds = Collections.newSetFromMap(new IdentityHashMap<>());
  private volatile int held;
  private long nextTicket;
  private volatile boolean closed;

  private DefaultAuditLog(AuditConfig config, InstantSource clock, Consumer<AuditRecord> mirror) {
    this.config = config;
    this.clock = clock;
    this.store = Store.open(config.store(), config.connectTimeout(), config.chain());
    this.spool =
        config.onStoreFailure() == OnStoreFailure.SPOOL ? new Spool(config.spoolDir()) : null;
    this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    this.writer = new ChainWriter(store, config.chain(), counters, mirror);
    this.loop = new WriterLoop(config, writer, spool, queue, appendLock, counters, clock);
    this.thread =
        Thread.ofPlatform().name("sluice-audit-" + config.chain()).daemon().unstarted(loop);
  }

  static AuditLog open(AuditConfig config, InstantSource clock, Consumer<AuditRecord> mirror) {
    DefaultAuditLog log = new DefaultAuditLog(config, clock, mirror);
    if (!log.writer.connect()) {
      LOG.warn(
          "audit store {} is unreachable at start; {}",
          log.store.describe(),
          log.spool == null
              ? "refusing audited calls until it is back"
              : "spooling until it is back");
    }
    log.thread.start();
    return log;
  }

  @Override
  public AppendResult append(AuditEntry entry) {
    AuditEntry stamped = entry.stampedAt(clock.instant());
    AppendResult result = closed ? AppendResult.REFUSED : accept(stamped);
    if (result == AppendResult.REFUSED) {
      counters.refused.incrementAndGet();
    }
    return result;
  }

  private AppendResult accept(AuditEntry entry) {
    if (spool == null && !writer.reachable()) {
      return AppendResult.REFUSED;
    }
    synchronized (appendLock) {
      SpoolItem item = new SpoolItem(run, nextTicket++, entry);
      if (hasRoom() && queue.offer(item)) {
        return AppendResult.QUEUED;
      }
      return spool == null ? AppendResult.REFUSED : overflow(item);
    }
  }

  /** Room in the queue beyond what held decisions are promised; call holding the append lock. */
  private boolean hasRoom() {
    return queue.remainingCapacity() > held;
  }

  /**
   * The queue is full: spools what is queued and then this entry, so the spool keeps accept order
   * (only the writer's batch in hand can land after newer entries; the spool reader reorders that).
   */
  private AppendResult overflow(SpoolItem item) {
    return spoolQueued(item) ? AppendResult.SPOOLED : AppendResult.REFUSED;
  }

  /**
   * Moves the queue, then {@code item} if not null, to the spool; false if it cannot be written.
   */
  private boolean spoolQueued(SpoolItem item) {
    List<SpoolItem> items = new ArrayList<>(queue.size() + 1);
    queue.drainTo(items);
    if (item != null) {
      items.add(item);
    }
    try {
      spool.append(items);
      counters.spooled.addAndGet(items.size());
      return true;
    } catch (IOException e) {
      items.remove(item);
      items.forEach(queue::offer);
      LOG.error("audit queue is full and the spool cannot be written; refusing", e);
      return false;
    }
  }

  @Override
  public Optional<HeldEntry> hold(AuditEntry decision) {
    AuditEntry stamped = decision.stampedAt(clock.instant());
    Optional<HeldEntry> result = closed ? Optional.empty() : reserve(stamped);
    if (result.isEmpty()) {
      counters.refused.incrementAndGet();
    }
    return result;
  }

  private Optional<HeldEntry> reserve(AuditEntry decision) {
    if (spool == null && !writer.reachable()) {
      return Optional.empty();
    }
    synchronized (appendLock) {
      if (!hasRoom() && spool != null && !spoolQueued(null)) {
        return Optional.empty();
      }
      if (!hasRoom()) {
        return Optional.empty();
      }
      Held h = new Held(decision);
      holds.add(h);
      held = holds.size();
      return Optional.of(h);
    }
  }

  /** Queues an entry into room kept for it; call holding the append lock. */
  private void enqueueKept(AuditEntry entry) {
    SpoolItem item = new SpoolItem(run, nextTicket++, entry);
    if (!queue.offer(item) && (spool == null || !spoolQueued(item))) {
      counters.failed.incrementAndGet();
      LOG.error("audit entry kept for {} found no room and was lost", entry.subject());
    }
  }

  /** A held decision; {@link #complete} queues its outcome in the room kept for it. */
  private final class Held implements HeldEntry {
    private final AuditEntry decision;
    private boolean completed;

    Held(AuditEntry decision) {
      this.decision = decision;
    }

    @Override
    public void complete(AuditEntry outcome) {
      AuditEntry entry = outcome.stampedAt(decision.time());
      synchronized (appendLock) {
        if (completed) {
          throw new IllegalStateException("this held audit entry was completed already");
        }
        completed = true;
        if (holds.remove(this)) {
          held = holds.size();
          enqueueKept(entry);
          appendLock.notifyAll();
        } else {
          LOG.warn(
              "an outcome arrived after the audit log closed; its decision is on record alone");
        }
      }
    }
  }

  @Override
  public boolean isAccepting() {
    if (closed) {
      return false;
    }
    if (spool != null) {
      return loop.spoolWritable();
    }
    return writer.reachable() && queue.remainingCapacity() > held;
  }

  @Override
  public AuditPage query(AuditQuery query) {
    try {
      return store.withConnection(c -> RecordQuery.run(c, query));
    } catch (SQLException e) {
      throw new AuditStoreException("audit query failed: " + e.getMessage(), e);
    }
  }

  @Override
  public VerifyReport verify() {
    return verify(Optional.empty());
  }

  @Override
  public VerifyReport verify(String chain) {
    return verify(Optional.of(chain));
  }

  private VerifyReport verify(Optional<String> chain) {
    try {
      return store.withConnection(c -> ChainVerifier.verify(c, chain));
    } catch (SQLException e) {
      throw new AuditStoreException("audit verify failed: " + e.getMessage(), e);
    }
  }

  @Override
  public RetentionResult retain(Duration maxAge) {
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive but was " + maxAge);
    }
    var now = clock.instant();
    try {
      return loop.submit(() -> writer.retain(now.minus(maxAge), now))
          .get(config.connectTimeout().multipliedBy(5).toMillis() + 10_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new AuditStoreException("retention failed", e);
    } catch (TimeoutException e) {
      throw new AuditStoreException("retention did not finish in time; the writer is busy", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditStoreException("interrupted while waiting for retention", e);
    }
  }

  @Override
  public AuditStats stats() {
    return new AuditStats(
        counters.written.get(),
        counters.spooled.get(),
        counters.refused.get(),
        counters.failed.get(),
        queue.size(),
        spool == null ? 0 : spool.pending(),
        writer.reachable(),
        isAccepting());
  }

  @Override
  public String chain() {
    return config.chain();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    recordAbandonedHolds();
    loop.close();
    try {
      thread.join(config.connectTimeout().multipliedBy(4).toMillis() + 30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly();
  }

  /**
   * Gives held decisions a few seconds to be completed, then queues each one still held on its own,
   * so every accepted decision is on record.
   */
  private void recordAbandonedHolds() {
    long deadline = System.nanoTime() + HOLD_WAIT.toNanos();
    synchronized (appendLock) {
      try {
        for (long left = HOLD_WAIT.toMillis(); !holds.isEmpty() && left > 0; ) {
          appendLock.wait(left);
          left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!holds.isEmpty()) {
        LOG.warn(
            "audit log closing with {} decisions still awaiting their outcome; recording them"
                + " without it",
            holds.size());
      }
      holds.forEach(h -> enqueueKept(h.decision));
      holds.clear();
      held = 0;
    }
  }

  private void closeQuietly() {
    try {
      if (spool != null) {
        spool.close();
      }
    } catch (IOException e) {
      LOG.warn("cannot close the audit spool: {}", e.getMessage());
    }
    store.close();
  }
}
