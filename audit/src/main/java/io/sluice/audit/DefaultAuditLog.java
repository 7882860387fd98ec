package io.sluice.audit;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
      if (queue.offer(item)) {
        return AppendResult.QUEUED;
      }
      return spool == null ? AppendResult.REFUSED : overflow(item);
    }
  }

  /**
   * The queue is full: spools what is queued and then this entry, so the spool keeps accept order
   * (only the writer's batch in hand can land after newer entries; the spool reader reorders that).
   */
  private AppendResult overflow(SpoolItem item) {
    List<SpoolItem> items = new ArrayList<>(queue.size() + 1);
    queue.drainTo(items);
    items.add(item);
    try {
      spool.append(items);
      counters.spooled.addAndGet(items.size());
      return AppendResult.SPOOLED;
    } catch (IOException e) {
      items.remove(items.size() - 1);
      items.forEach(queue::offer);
      LOG.error("audit queue is full and the spool cannot be written; refusing", e);
      return AppendResult.REFUSED;
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
    return writer.reachable() && queue.remainingCapacity() > 0;
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
    loop.close();
    try {
      thread.join(config.connectTimeout().multipliedBy(4).toMillis() + 30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly();
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
