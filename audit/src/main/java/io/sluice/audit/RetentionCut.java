package io.sluice.audit;

import java.util.Objects;

/**
 * Where a retention run cut a chain: the last deleted record's position and hash. A retention
 * record carries it so that the first surviving record can still be checked against the hash it
 * links to.
 */
public record RetentionCut(long lastDeletedSeq, String lastDeletedHash) {
  public RetentionCut {
    if (lastDeletedSeq < 1) {
      throw new IllegalArgumentException("lastDeletedSeq must be >= 1 but was " + lastDeletedSeq);
    }
    Objects.requireNonNull(lastDeletedHash, "lastDeletedHash");
  }
}
