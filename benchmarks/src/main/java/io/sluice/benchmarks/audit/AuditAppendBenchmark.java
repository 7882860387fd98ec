package io.sluice.benchmarks.audit;

import static io.sluice.benchmarks.audit.AuditFixture.BATCH;

import io.sluice.audit.AuditConfig;
import io.sluice.audit.AuditEntry;
import io.sluice.audit.AuditLog;
import io.sluice.audit.HeldEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code AuditLog.append} with the default store (an H2 file, {@code refuse} mode, default queue
 * and batch size), in nanoseconds per record:
 *
 * <ul>
 *   <li>{@code appendAndStore}: builds and appends 1,000 publish-shaped entries and waits until the
 *       writer thread has chained, hashed and committed all of them: the whole cost of a record.
 *   <li>{@code appendCallerSide}: the same appends without waiting (the writer catches up between
 *       invocations): what the gateway's event loop pays per record.
 *   <li>{@code publishesTwoAppends} and {@code publishesHoldAndComplete}: per governed publish (an
 *       operation is one publish here), what the gateway did before (a decision record before the
 *       publish and an outcome record after it) and does now (the decision held, then completed by
 *       its outcome as one record), each waiting until everything is stored.
 *   <li>{@code baselineInMemoryList}: the same entries built and added to a list under a lock.
 *   <li>{@code baselineH2InsertOnly}: see {@link H2InsertBaseline}.
 * </ul>
 *
 * <p>Run from the repository root: {@code bench/run audit}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(BATCH)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuditAppendBenchmark {
  private static final long DRAIN_TIMEOUT_NANOS = Duration.ofSeconds(30).toNanos();

  private Path dir;
  private AuditLog log;
  private long appended;
  private long next;
  private final List<AuditEntry> list = new ArrayList<>();

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("sluice-audit-bench");
    log = AuditLog.open(AuditConfig.builder().store("jdbc:h2:file:" + dir + "/audit").build());
    if (!log.isAccepting()) {
      throw new IllegalStateException("the audit store did not open: " + log.stats());
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    log.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(AuditAppendBenchmark::delete);
    }
  }

  @Benchmark
  public long appendAndStore() {
    appendBatch();
    awaitWritten();
    return appended;
  }

  @Benchmark
  public long appendCallerSide() {
    appendBatch();
    return appended;
  }

  @Benchmark
  public long publishesTwoAppends() {
    for (int i = 0; i < BATCH; i++) {
      long n = next++;
      require(log.append(AuditFixture.decision(n)).accepted());
      require(log.append(AuditFixture.outcome(n)).accepted());
      appended += 2;
    }
    awaitWritten();
    return appended;
  }

  @Benchmark
  public long publishesHoldAndComplete() {
    for (int i = 0; i < BATCH; i++) {
      long n = next++;
      HeldEntry held = log.hold(AuditFixture.decision(n)).orElseThrow(this::refused);
      held.complete(AuditFixture.outcome(n));
      appended++;
    }
    awaitWritten();
    return appended;
  }

  private void require(boolean accepted) {
    if (!accepted) {
      throw refused();
    }
  }

  private IllegalStateException refused() {
    return new IllegalStateException("the audit log refused an entry: " + log.stats());
  }

  @TearDown(Level.Invocation)
  public void drain() {
    awaitWritten();
    list.clear();
  }

  @Benchmark
  public int baselineInMemoryList() {
    for (int i = 0; i < BATCH; i++) {
      AuditEntry entry = AuditFixture.entry(next++);
      synchronized (list) {
        list.add(entry);
      }
    }
    return list.size();
  }

  private void appendBatch() {
    for (int i = 0; i < BATCH; i++) {
      require(log.append(AuditFixture.entry(next++)).accepted());
      appended++;
    }
  }

  private void awaitWritten() {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
    while (log.stats().written() < appended) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("the writer did not catch up: " + log.stats());
      }
      LockSupport.parkNanos(20_000);
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
