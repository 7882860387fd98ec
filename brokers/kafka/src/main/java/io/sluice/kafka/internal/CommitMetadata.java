package io.sluice.kafka.internal;

/**
 * The metadata string of a Sluice commit: {@code sluice-deliveries=<n>}, how often the record at
 * the committed offset (the first unacknowledged one) has been delivered, so a member that takes
 * the partition over continues the count.
 */
final class CommitMetadata {
  private static final String PREFIX = "sluice-deliveries=";

  private CommitMetadata() {}

  static String of(int deliveries) {
    return deliveries == 0 ? "" : PREFIX + deliveries;
  }

  static int deliveries(String metadata) {
    if (metadata == null || !metadata.startsWith(PREFIX)) {
      return 0;
    }
    try {
      return Integer.parseInt(metadata.substring(PREFIX.length()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
