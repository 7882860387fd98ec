package io.sluice.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision as written down: the {@link AuditEntry}, its position in a writer's chain and the
 * hashes that link it to the record before.
 *
 * @param chain the writer's chain id (one per gateway replica)
 * @param seq the position in the chain, from 1, without gaps
 * @param entry what was decided
 * @param cut for {@link AuditAction#RETENTION} records: where retention cut the chain; else null
 * @param prevHash the hash of record {@code seq - 1}, or {@link AuditHash#GENESIS} for seq 1
 * @param hash SHA-256 over {@link AuditHash#canonicalJson} of this record, lowercase hex
 */
public record AuditRecord(
    String chain, long seq, AuditEntry entry, RetentionCut cut, String prevHash, String hash) {

  public AuditRecord {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(entry.time(), "entry.time");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1 but was " + seq);
    }
  }

  /** Chains an entry after a record with hash {@code prevHash}, computing its hash. */
  public static AuditRecord chained(
      String chain, long seq, AuditEntry entry, RetentionCut cut, String prevHash) {
    String hash = AuditHash.hash(chain, seq, entry, cut, prevHash);
    return new AuditRecord(chain, seq, entry, cut, prevHash, hash);
  }

  public Instant time() {
    return entry.time();
  }

  public AuditIdentity identity() {
    return entry.identity();
  }

  public AuditAction action() {
    return entry.action();
  }

  public String subject() {
    return entry.subject();
  }

  public AuditOutcome outcome() {
    return entry.outcome();
  }

  public Optional<RetentionCut> retentionCut() {
    return Optional.ofNullable(cut);
  }

  /** True when the stored hash matches the hash recomputed from the fields. */
  public boolean hashMatches() {
    return hash.equals(AuditHash.hash(chain, seq, entry, cut, prevHash));
  }

  /** The canonical JSON of this record plus its {@code hash}: what the mirror publishes. */
  public String toJson() {
    return AuditHash.canonicalJson(this, true);
  }
}
