package io.sluice.audit;

import java.util.Optional;

/**
 * What a retention run did.
 *
 * @param deleted how many records were deleted
 * @param record the retention record that now marks the cut; empty when nothing was old enough
 */
public record RetentionResult(long deleted, Optional<AuditRecord> record) {
  static RetentionResult nothing() {
    return new RetentionResult(0, Optional.empty());
  }
}
