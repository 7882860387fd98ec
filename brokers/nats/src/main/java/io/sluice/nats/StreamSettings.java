package io.sluice.nats;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One JetStream stream as declared in {@code broker.settings.streams}.
 *
 * @param name stream name (letters, digits, '_' and '-')
 * @param subjects subject patterns the stream stores
 * @param retention when stored messages are removed
 * @param maxAge oldest message kept; {@link Duration#ZERO} for no limit
 * @param maxBytes stream size limit; -1 for no limit
 * @param maxMessages message count limit; -1 for no limit
 * @param replicas copies kept in a cluster (1 to 5)
 * @param storage file or memory
 * @param duplicateWindow how long an idempotency key ({@code Nats-Msg-Id}) is remembered
 */
public record StreamSettings(
    String name,
    List<String> subjects,
    Retention retention,
    Duration maxAge,
    long maxBytes,
    long maxMessages,
    int replicas,
    Storage storage,
    Duration duplicateWindow) {

  public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(2);

  public StreamSettings {
    Objects.requireNonNull(name, "name");
    subjects = List.copyOf(subjects);
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(duplicateWindow, "duplicateWindow");
    if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException(
          "stream name must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-' but was '"
              + name
              + "'");
    }
    if (subjects.isEmpty()) {
      throw new IllegalArgumentException("stream '" + name + "' needs at least one subject");
    }
    if (replicas < 1 || replicas > 5) {
      throw new IllegalArgumentException("replicas must be 1 to 5 but was " + replicas);
    }
    if (maxAge.isNegative() || duplicateWindow.isNegative() || duplicateWindow.isZero()) {
      throw new IllegalArgumentException(
          "maxAge must be >= 0 and duplicateWindow > 0 but were "
              + maxAge
              + ", "
              + duplicateWindow);
    }
  }

  /** A file-backed, limits-retention stream with no size limits and a 2-minute dedup window. */
  public static StreamSettings of(String name, String... subjects) {
    return new StreamSettings(
        name,
        List.of(subjects),
        Retention.LIMITS,
        Duration.ZERO,
        -1,
        -1,
        1,
        Storage.FILE,
        DEFAULT_DUPLICATE_WINDOW);
  }

  public StreamSettings withStorage(Storage storage) {
    return new StreamSettings(
        name,
        subjects,
        retention,
        maxAge,
        maxBytes,
        maxMessages,
        replicas,
        storage,
        duplicateWindow);
  }

  public StreamSettings withDuplicateWindow(Duration duplicateWindow) {
    return new StreamSettings(
        name,
        subjects,
        retention,
        maxAge,
        maxBytes,
        maxMessages,
        replicas,
        storage,
        duplicateWindow);
  }

  /** When a stream removes messages. */
  public enum Retention {
    LIMITS,
    INTEREST,
    WORKQUEUE;

    public String settingName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where a stream keeps messages. */
  public enum Storage {
    FILE,
    MEMORY;

    public String settingName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
