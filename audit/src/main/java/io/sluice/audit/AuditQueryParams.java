package io.sluice.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads an {@link AuditQuery} from HTTP query parameters; see {@link AuditQuery#fromParams}. */
final class AuditQueryParams {
  static final Set<String> NAMES =
      Set.of("identity", "action", "subject", "outcome", "from", "to", "chain", "limit", "cursor");

  private AuditQueryParams() {}

  static AuditQuery parse(Map<String, String> params) {
    AuditQuery.Builder b = AuditQuery.builder();
    for (Map.Entry<String, String> p : params.entrySet()) {
      apply(b, p.getKey(), p.getValue());
    }
    return b.build();
  }

  private static void apply(AuditQuery.Builder b, String name, String value) {
    try {
      switch (name) {
        case "identity" -> b.identityId(value);
        case "action" -> b.action(AuditAction.fromWireName(value));
        case "subject" -> b.subject(value);
        case "outcome" -> b.outcome(AuditOutcome.fromWireName(value));
        case "from" -> b.from(Instant.parse(value));
        case "to" -> b.to(Instant.parse(value));
        case "chain" -> b.chain(value);
        case "limit" -> b.limit(limit(value));
        case "cursor" -> b.cursor(value);
        default -> throw new IllegalArgumentException("known parameters: " + known());
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "query parameter '" + name + "' = '" + value + "' is not valid: " + e.getMessage(), e);
    }
  }

  private static int limit(String value) {
    int limit = Integer.parseInt(value);
    if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + AuditQuery.MAX_LIMIT);
    }
    return limit;
  }

  private static String known() {
    return String.join(", ", NAMES.stream().sorted().toList()).toLowerCase(Locale.ROOT);
  }
}
