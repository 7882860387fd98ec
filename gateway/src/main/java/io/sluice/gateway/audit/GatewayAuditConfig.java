package io.sluice.gateway.audit;

import io.sluice.audit.AuditConfig;
import io.sluice.subject.InvalidSubjectException;
import io.sluice.subject.Subject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code audit} section: the audit log's settings and the optional mirror subject.
 *
 * @param log the settings handed to {@link io.sluice.audit.AuditLog#open}
 * @param mirrorSubject where each durable record is published as a CloudEvent, if anywhere
 */
public record GatewayAuditConfig(AuditConfig log, Optional<String> mirrorSubject) {

  public GatewayAuditConfig {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(mirrorSubject, "mirrorSubject");
  }

  /**
   * Reads the section; problems are added to {@code problems} by dotted key and null is returned
   * when there were any. Without a {@code store}, the store is an H2 file next to the embedded
   * broker's data ({@code <dir>/audit}), or {@code ./sluice-data/audit} for other brokers.
   */
  public static GatewayAuditConfig fromMap(
      Map<String, Object> section, String brokerUrl, List<String> problems) {
    int before = problems.size();
    Map<String, Object> rest = new LinkedHashMap<>(section);
    Optional<String> mirror = mirrorSubject(rest.remove("mirror"), problems);
    Path dataDir = dataDir(brokerUrl);
    rest.putIfAbsent("store", Map.of("url", "jdbc:h2:file:" + dataDir.resolve("audit")));
    rest.putIfAbsent("spoolDir", dataDir.resolve("audit-spool").toString());
    AuditConfig log = AuditConfig.fromMap(rest, problems);
    return log == null || problems.size() > before ? null : new GatewayAuditConfig(log, mirror);
  }

  /** The broker's data directory for {@code embedded:<dir>}, else {@code ./sluice-data}. */
  static Path dataDir(String brokerUrl) {
    if (brokerUrl != null && brokerUrl.startsWith("embedded:")) {
      String dir = brokerUrl.substring("embedded:".length());
      int query = dir.indexOf('?');
      dir = query >= 0 ? dir.substring(0, query) : dir;
      if (!dir.isBlank()) {
        return Path.of(dir);
      }
    }
    return Path.of(".", "sluice-data");
  }

  private static Optional<String> mirrorSubject(Object raw, List<String> problems) {
    if (raw == null) {
      return Optional.empty();
    }
    if (!(raw instanceof Map<?, ?> mirror) || !(mirror.get("subject") instanceof String s)) {
      problems.add("audit.mirror.subject: must be a subject like audit.records but was " + raw);
      return Optional.empty();
    }
    mirror.keySet().stream()
        .filter(k -> !"subject".equals(k))
        .forEach(k -> problems.add("audit.mirror." + k + ": unknown key"));
    try {
      return Optional.of(Subject.of(s).value());
    } catch (InvalidSubjectException e) {
      problems.add("audit.mirror.subject: " + e.getMessage());
      return Optional.empty();
    }
  }
}
