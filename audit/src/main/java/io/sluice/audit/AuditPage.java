package io.sluice.audit;

import java.util.List;
import java.util.Optional;

/** One page of query results, newest first, and the cursor of the next page if there is one. */
public record AuditPage(List<AuditRecord> records, Optional<String> nextCursor) {
  public AuditPage {
    records = List.copyOf(records);
  }
}
