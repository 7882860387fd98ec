package io.sluice.embedded;

import java.util.Locale;

/**
 * When a durable write is forced to disk. Either way a {@code DURABLE} publish, and an ack, is
 * confirmed only after the commit that holds it has been written and synced.
 */
public enum FsyncPolicy {
  /** Every durable write gets its own commit and sync, one after the other. */
  ALWAYS,
  /**
   * Group commit: durable writes that arrive while a sync is running share the next commit and
   * sync. Each is still confirmed only after its own data is on disk.
   */
  BATCH;

  /** Parses {@code always} or {@code batch}, ignoring case. */
  public static FsyncPolicy parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "always" -> ALWAYS;
      case "batch" -> BATCH;
      default ->
          throw new IllegalArgumentException(
              "fsync must be 'always' or 'batch' but was '" + text + "'");
    };
  }
}
