package io.sluice.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Runs an {@link AuditQuery}: SQL filters for what SQL can decide (identity, action, outcome, time,
 * the literal prefix of the subject pattern), {@link io.sluice.subject.SubjectPattern} for the
 * rest, keyset paging on (time, chain, seq) newest first.
 */
final class RecordQuery {
  private final AuditQuery query;
  private final List<Object> args = new ArrayList<>();
  private final String where;

  private RecordQuery(AuditQuery query) {
    this.query = query;
    this.where = buildWhere();
  }

  static AuditPage run(Connection c, AuditQuery query) throws SQLException {
    return new RecordQuery(query).page(c);
  }

  private AuditPage page(Connection c) throws SQLException {
    List<AuditRecord> matches = new ArrayList<>();
    Key after = query.cursor().map(Key::decode).orElse(null);
    int chunk = Math.min(AuditQuery.MAX_LIMIT, query.limit() * 2 + 1);
    while (matches.size() <= query.limit()) {
      List<AuditRecord> scanned = scan(c, after, chunk);
      scanned.stream().filter(this::subjectMatches).forEach(matches::add);
      if (scanned.size() < chunk) {
        break;
      }
      after = Key.of(scanned.get(scanned.size() - 1));
    }
    if (matches.size() <= query.limit()) {
      return new AuditPage(matches, Optional.empty());
    }
    List<AuditRecord> page = matches.subList(0, query.limit());
    return new AuditPage(page, Optional.of(Key.of(page.get(page.size() - 1)).encode()));
  }

  private List<AuditRecord> scan(Connection c, Key after, int chunk) throws SQLException {
    String keyset =
        after == null
            ? ""
            : (where.isEmpty() ? " WHERE " : " AND ")
                + "(time_us < ? OR (time_us = ? AND (chain < ? OR (chain = ? AND seq < ?))))";
    String sql =
        "SELECT "
            + RecordTable.COLUMNS
            + " FROM audit_record"
            + where
            + keyset
            + " ORDER BY time_us DESC, chain DESC, seq DESC FETCH FIRST "
            + chunk
            + " ROWS ONLY";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = bind(ps, args, 1);
      if (after != null) {
        bind(ps, List.of(after.timeUs, after.timeUs, after.chain, after.chain, after.seq), i);
      }
      List<AuditRecord> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(RecordTable.read(rs));
        }
      }
      return rows;
    }
  }

  private static int bind(PreparedStatement ps, List<Object> values, int from) throws SQLException {
    int i = from;
    for (Object v : values) {
      ps.setObject(i++, v);
    }
    return i;
  }

  private boolean subjectMatches(AuditRecord r) {
    return query.subject().map(p -> r.subject() != null && p.matches(r.subject())).orElse(true);
  }

  private String buildWhere() {
    List<String> clauses = new ArrayList<>();
    query.identityId().ifPresent(v -> clause(clauses, "identity_id = ?", v));
    query.action().ifPresent(v -> clause(clauses, "action = ?", v.wireName()));
    query.outcome().ifPresent(v -> clause(clauses, "outcome = ?", v.wireName()));
    query.chain().ifPresent(v -> clause(clauses, "chain = ?", v));
    query.from().ifPresent(v -> clause(clauses, "time_us >= ?", RecordTable.toMicros(v)));
    query.to().ifPresent(v -> clause(clauses, "time_us < ?", RecordTable.toMicros(v)));
    query
        .subject()
        .map(p -> literalPrefix(p.value()))
        .filter(prefix -> !prefix.isEmpty())
        .ifPresent(
            prefix -> clause(clauses, "subject LIKE ? ESCAPE '!'", likeEscape(prefix) + "%"));
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  private void clause(List<String> clauses, String sql, Object value) {
    clauses.add(sql);
    args.add(value);
  }

  /** The part of a pattern before its first wildcard token, e.g. {@code orders.} of orders.*.eu. */
  static String literalPrefix(String pattern) {
    StringBuilder prefix = new StringBuilder();
    for (String token : pattern.split("\\.")) {
      if (token.equals("*") || token.equals(">")) {
        return prefix.toString();
      }
      prefix.append(token).append('.');
    }
    return prefix.substring(0, prefix.length() - 1);
  }

  private static String likeEscape(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /** A position in the newest-first order; encoded as an opaque cursor. */
  private record Key(long timeUs, String chain, long seq) {
    static Key of(AuditRecord r) {
      return new Key(RecordTable.toMicros(r.time()), r.chain(), r.seq());
    }

    String encode() {
      String raw = timeUs + ":" + seq + ":" + chain;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Key decode(String cursor) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String[] parts = raw.split(":", 3);
        return new Key(Long.parseLong(parts[0]), parts[2], Long.parseLong(parts[1]));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("cursor '" + cursor + "' is not one this log issued", e);
      }
    }
  }
}
