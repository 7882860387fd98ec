package io.sluice.benchmarks.audit;

import static io.sluice.benchmarks.audit.AuditFixture.BATCH;

import io.sluice.audit.AuditEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
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
 * The store alone: the same publish-shaped rows inserted into the audit schema (the log's own
 * {@code V1.sql}) in an H2 file with one JDBC batch of 1,000 and one commit, on the caller's
 * thread, with constant hashes. What is left of {@code appendAndStore} above this is the log's own
 * work: building and scrubbing entries, the queue, chaining and hashing, and the head update.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(BATCH)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class H2InsertBaseline {
  private static final String HASH = "ab".repeat(32);
  private static final String INSERT =
      "INSERT INTO audit_record (chain, seq, time_us, identity_type, identity_id, identity_issuer,"
          + " action, subject, event_id, outcome, status, receipt, rule, policy_version,"
          + " remote_address, correlation_id, trace_id, prev_hash, hash)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

  private Path dir;
  private Connection connection;
  private long seq;

  @Setup(Level.Trial)
  public void open() throws IOException, SQLException {
    dir = Files.createTempDirectory("sluice-audit-h2-bench");
    connection = DriverManager.getConnection("jdbc:h2:file:" + dir + "/audit");
    try (Statement s = connection.createStatement()) {
      for (String sql : schema().split(";")) {
        if (!sql.isBlank()) {
          s.execute(sql);
        }
      }
    }
    connection.setAutoCommit(false);
  }

  private static String schema() throws IOException {
    try (InputStream in =
        AuditEntry.class.getClassLoader().getResourceAsStream("io/sluice/audit/db/V1.sql")) {
      if (in == null) {
        throw new IllegalStateException("io/sluice/audit/db/V1.sql is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
    }
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException, IOException {
    connection.close();
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public long baselineH2InsertOnly() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
      for (int i = 0; i < BATCH; i++) {
        bind(ps, AuditFixture.entry(++seq));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    connection.commit();
    return seq;
  }

  private void bind(PreparedStatement ps, AuditEntry e) throws SQLException {
    ps.setString(1, "bench");
    ps.setLong(2, seq);
    ps.setLong(3, System.currentTimeMillis() * 1000);
    ps.setString(4, e.identity().type());
    ps.setString(5, e.identity().id());
    ps.setString(6, e.identity().issuer());
    ps.setString(7, e.action().wireName());
    ps.setString(8, e.subject());
    ps.setString(9, e.eventId());
    ps.setString(10, e.outcome().wireName());
    ps.setInt(11, e.status());
    ps.setString(12, e.receipt());
    ps.setString(13, e.rule());
    ps.setString(14, e.policyVersion());
    ps.setString(15, e.remoteAddress());
    ps.setString(16, e.correlationId());
    ps.setString(17, e.traceId());
    ps.setString(18, HASH);
    ps.setString(19, HASH);
  }
}
