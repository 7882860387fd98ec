package io.sluice.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Helpers for tests that take the store away: configs, entries with numbered ids, readers. */
final class StoreOutageSupport {
  static final String CHAIN = "gw-1";

  private StoreOutageSupport() {}

  static AuditConfig config(String url, OnStoreFailure mode, Path spoolDir, int queueCapacity) {
    return AuditConfig.builder()
        .store(url)
        .onStoreFailure(mode)
        .spoolDir(spoolDir)
        .queueCapacity(queueCapacity)
        .batchSize(10)
        .retryInterval(Duration.ofMillis(100))
        .connectTimeout(Duration.ofMillis(500))
        .chain(CHAIN)
        .build();
  }

  static AuditEntry numbered(int i) {
    return Entries.published("alice", "orders.eu", "e-" + i);
  }

  static List<String> ids(int fromInclusive, int toExclusive) {
    return IntStream.range(fromInclusive, toExclusive).mapToObj(i -> "e-" + i).toList();
  }

  /** Event ids of the chain's records in chain order, read straight from the store. */
  static List<String> storedIdsInChainOrder(String url) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "", "");
        PreparedStatement ps =
            c.prepareStatement("SELECT event_id FROM audit_record WHERE chain = ? ORDER BY seq")) {
      ps.setString(1, CHAIN);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }
}
